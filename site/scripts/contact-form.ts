/** The contact page with JavaScript: suggests articles while the customer types, and sends the form with fetch. */
import { track } from './track.ts';

const DEBOUNCE_MS = 400;
const LIMIT = 3;
const MAX_QUERY = 200;

interface Answer {
  total: number;
  results: { slug: string; title: string; url: string; category: string; snippet: string }[];
}
interface ApiError {
  error?: { details?: { path: string; code?: string }[] };
}

/**
 * The subject when there is one (a subject names the problem; every word of a long message rarely meets in one
 * article), else the message, cut at a word boundary to what search accepts.
 */
export function suggestionQuery(subject: string, message: string): string {
  const text = (subject.trim() || message.trim()).replace(/\s+/g, ' ');
  if (text.length <= MAX_QUERY) return text;
  const cut = text.slice(0, MAX_QUERY);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 1));
}

export function enhanceContactForm(): void {
  const found = document.querySelector<HTMLFormElement>('form[data-contact-form]');
  const panel = document.querySelector<HTMLElement>('[data-contact-suggest]');
  if (!found || !panel) return;
  const form: HTMLFormElement = found;
  const aside: HTMLElement = panel;
  const locale = form.dataset.locale ?? 'en';
  const subject = form.querySelector<HTMLInputElement>('[name="subject"]')!;
  const message = form.querySelector<HTMLTextAreaElement>('[name="message"]')!;
  const list = aside.querySelector<HTMLOListElement>('[data-suggest-list]')!;
  const messages = JSON.parse(form.querySelector('[data-contact-messages]')?.textContent ?? '{}') as Record<string, string>;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;
  let shownQuery = '';
  let current = '';

  aside.hidden = false;

  async function suggest(): Promise<void> {
    const q = suggestionQuery(subject.value, message.value);
    if (q === current) return;
    current = q;
    controller?.abort();
    if (q.length < 3) return render(q, { total: 0, results: [] });
    controller = new AbortController();
    try {
      const url = `/api/search?q=${encodeURIComponent(q)}&locale=${encodeURIComponent(locale)}&limit=${LIMIT}&for=contact`;
      const res = await fetch(url, { signal: controller.signal, headers: { accept: 'application/json' } });
      if (res.ok) render(q, (await res.json()) as Answer);
    } catch {
      // Aborted by newer typing, or offline: the form works without suggestions.
    }
  }

  function render(q: string, answer: Answer): void {
    const items = answer.results.slice(0, LIMIT).map((r, i) => {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = r.url;
      link.dataset.slug = r.slug;
      link.dataset.position = String(i + 1);
      const title = document.createElement('span');
      title.className = 'title';
      title.textContent = r.title;
      const meta = document.createElement('span');
      meta.className = 'meta';
      // The API escapes snippets and adds only <mark>.
      meta.innerHTML = r.snippet;
      link.append(title, meta);
      li.append(link);
      return li;
    });
    list.replaceChildren(...items);
    aside.classList.toggle('has-results', items.length > 0);
    if (items.length > 0 && q !== shownQuery) {
      shownQuery = q;
      track({ type: 'suggest_shown', query: q, results: answer.total });
    }
  }

  const onInput = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void suggest(), DEBOUNCE_MS);
  };
  subject.addEventListener('input', onInput);
  message.addEventListener('input', onInput);
  list.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-slug]');
    if (link) track({ type: 'suggest_click', article: link.dataset.slug!, position: Number(link.dataset.position) });
  });
  if (subject.value || message.value) void suggest();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });

  async function send(): Promise<void> {
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    const label = button.textContent;
    button.disabled = true;
    button.textContent = form.dataset.sending ?? label;
    try {
      const body = Object.fromEntries([...new FormData(form)].filter(([, v]) => typeof v === 'string'));
      const res = await fetch('/api/contact', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await res.json().catch(() => ({}))) as ApiError & { confirmation?: string };
      if (res.status === 201 && answer.confirmation) return location.assign(answer.confirmation);
      const problems = (answer.error?.details ?? []).map((d) => ({ field: d.path || 'form', code: d.code ?? 'network' }));
      showErrors(problems.length ? problems : [{ field: 'form', code: 'network' }]);
    } catch {
      showErrors([{ field: 'form', code: 'network' }]);
    }
    button.disabled = false;
    button.textContent = label;
  }

  /** Same markup as the server renders: a summary that takes focus, and each field's message linked to it. */
  function showErrors(errors: { field: string; code: string }[]): void {
    const summary = form.querySelector<HTMLElement>('#contact-errors')!;
    const items = errors.map((e) => {
      const text = messages[`${e.field}:${e.code}`] ?? messages[`form:${e.code}`] ?? messages['form:network']!;
      const li = document.createElement('li');
      const input = form.querySelector<HTMLElement>(`#contact-${e.field}`);
      if (input && e.field !== 'form') {
        const a = document.createElement('a');
        a.href = `#contact-${e.field}`;
        a.textContent = text;
        li.append(a);
      } else li.textContent = text;
      return { field: e.field, text, li };
    });
    summary.querySelector('ul')!.replaceChildren(...items.map((i) => i.li));
    for (const slot of form.querySelectorAll<HTMLElement>('.field-error')) {
      const field = slot.id.replace(/^contact-|-error$/g, '');
      const error = items.find((i) => i.field === field);
      slot.textContent = error?.text ?? '';
      slot.hidden = !error;
      const input = form.querySelector<HTMLElement>(`#contact-${field}`);
      if (!input || field === 'form') continue;
      const ids = new Set((input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
      if (error) ids.add(slot.id);
      else ids.delete(slot.id);
      if (ids.size) input.setAttribute('aria-describedby', [...ids].join(' '));
      else input.removeAttribute('aria-describedby');
      if (error) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    summary.hidden = false;
    summary.focus();
  }
}
