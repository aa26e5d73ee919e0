/** "Was this helpful?": reports the vote, and after No an optional comment, through kb:track. */
import { track } from './track.ts';

export function enhanceVotes(): void {
  document.querySelectorAll<HTMLElement>('[data-vote]').forEach((box) => {
    const buttons = [...box.querySelectorAll<HTMLButtonElement>('button[data-helpful]')];
    const thanks = box.querySelector<HTMLElement>('[data-vote-thanks]')!;
    const form = box.querySelector<HTMLFormElement>('form[data-vote-comment]')!;
    const sent = box.querySelector<HTMLElement>('[data-vote-sent]')!;
    // Without JavaScript the buttons could do nothing, so the box stays hidden until now.
    box.hidden = false;

    for (const button of buttons) {
      button.addEventListener('click', () => {
        const helpful = button.dataset.helpful === 'yes';
        for (const b of buttons) {
          b.disabled = true;
          b.setAttribute('aria-pressed', String(b === button));
        }
        track({ type: 'vote', helpful });
        thanks.hidden = false;
        if (!helpful) {
          form.hidden = false;
          form.querySelector('textarea')?.focus();
        }
      });
    }

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const comment = form.querySelector('textarea')!.value.trim().slice(0, 500);
      if (comment) track({ type: 'vote', helpful: false, comment });
      form.hidden = true;
      sent.hidden = false;
      sent.focus();
    });
  });
}
