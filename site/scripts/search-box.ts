/** Search as you type: asks GET /api/search after a short pause, shows a keyboard-navigable list, reports searches. */
import { track } from './track.ts';

const DEBOUNCE_MS = 150;
const SETTLE_MS = 1000;
const LIMIT = 6;
/** Partial matches shown while typing: few, so the contact option below them stays in view. */
const PARTIAL_LIMIT = 3;

interface Result {
  title: string;
  url: string;
  category: string;
  snippet: string;
  /** On a partial match: the words this article lacks. */
  missing?: string[];
}
/**
 * GET /api/search (SPEC §4): `total` counts full matches; with none, `partial` has articles with some words; with
 * fewer than asked for, `partial` has those lacking one word.
 */
interface Answer {
  total: number;
  results: Result[];
  partial: Result[];
  missing: string[];
}

/** Wires every `form[data-search]` on the page, the `/` shortcut, and click reports on server-rendered result lists. */
export function enhanceSearchForms(): void {
  document.querySelectorAll<HTMLFormElement>('form[data-search]').forEach(enhance);
  bindShortcut();
  document.querySelectorAll<HTMLElement>('[data-search-results]').forEach((list) => {
    list.addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-position]');
      if (link) track({ type: 'search_click', query: list.dataset.query ?? '', position: Number(link.dataset.position) });
    });
  });
}

function enhance(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const list = form.querySelector<HTMLUListElement>('[role="listbox"]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  const locale = form.dataset.locale ?? 'en';
  let typing: ReturnType<typeof setTimeout> | undefined;
  let settling: ReturnType<typeof setTimeout> | undefined;
  let last: { query: string; answer: Answer } | undefined;
  let inFlight: { query: string; answer: Promise<Answer>; controller: AbortController } | undefined;
  let settled = '';
  let active = -1;

  // Without this script the input is a plain search box; with it, a combobox over the suggestion list.
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  const options = () => [...list.querySelectorAll<HTMLLIElement>('[role="option"]')];
  const query = () => input.value.trim();

  /**
   * A newer query aborts the request of an older one; the same query shares its request. (Before, the debounced
   * update that fired while a submit waited for its answer aborted the submit's own request, and the search went
   * unreported: the browser test saw it on a slow machine.)
   */
  function fetchAnswer(q: string): Promise<Answer> {
    if (last?.query === q) return Promise.resolve(last.answer);
    if (inFlight?.query === q) return inFlight.answer;
    inFlight?.controller.abort();
    const controller = new AbortController();
    const url = `/api/search?q=${encodeURIComponent(q)}&locale=${encodeURIComponent(locale)}&limit=${LIMIT}`;
    const answer = (async () => {
      const res = await fetch(url, { signal: controller.signal, headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`search answered ${res.status}`);
      const body = (await res.json()) as Answer;
      last = { query: q, answer: body };
      return body;
    })();
    const entry = { query: q, answer, controller };
    inFlight = entry;
    const done = () => void (inFlight === entry && (inFlight = undefined));
    answer.then(done, done);
    return answer;
  }

  /** A search counts once it settles: on submit, on opening a result, or after a second without typing. */
  function settle(q: string, total: number): void {
    if (!q || q === settled) return;
    settled = q;
    track({ type: 'search', query: q, results: total });
  }

  function close(): void {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function setActive(index: number): void {
    const items = options();
    if (items.length === 0) return;
    active = (index + items.length) % items.length;
    items.forEach((item, i) => item.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', items[active]!.id);
    items[active]!.scrollIntoView({ block: 'nearest' });
  }

  /** A suggestion: an ARIA option (no link inside: options may not hold interactive content). */
  function option(id: string, href: string, position?: number): HTMLLIElement {
    const li = document.createElement('li');
    li.id = id;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.dataset.href = href;
    if (position !== undefined) li.dataset.position = String(position);
    return li;
  }

  /** Opens a suggestion: the search has settled, and a result's position is reported. */
  function open(li: HTMLLIElement): void {
    if (last) {
      settle(last.query, last.answer.total);
      if (li.dataset.position) track({ type: 'search_click', query: last.query, position: Number(li.dataset.position) });
    }
    window.location.assign(li.dataset.href!);
  }

  function render(q: string, answer: Answer): void {
    // Full matches first; after too few of them, the articles lacking one word (marked as partial ones are).
    const shown = answer.total > 0 ? [...answer.results, ...answer.partial.slice(0, PARTIAL_LIMIT)].slice(0, LIMIT) : answer.partial.slice(0, PARTIAL_LIMIT);
    const items = shown.map((r, i) => {
      const li = option(`${input.id}-opt-${i}`, r.url, i + 1);
      const title = document.createElement('span');
      title.className = 'title';
      title.textContent = r.title;
      const meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = `${r.category} · `;
      // The API escapes snippets and adds only <mark>.
      meta.insertAdjacentHTML('beforeend', r.snippet);
      li.append(title, meta);
      if (r.missing?.length) {
        const missing = document.createElement('span');
        missing.className = 'missing';
        missing.textContent = (form.dataset.missing ?? '{words}').replace('{words}', r.missing.join(', '));
        li.append(missing);
      }
      return li;
    });
    const all = option(`${input.id}-opt-all`, `${form.action}?q=${encodeURIComponent(q)}`);
    all.className = 'all';
    all.textContent = (form.dataset.seeAll ?? '{query}').replace('{query}', q);
    // No article has every word: the way to support, with the words carried into the form.
    const extra: HTMLLIElement[] = [];
    if (answer.total === 0 && form.dataset.contactUrl) {
      const contact = option(`${input.id}-opt-contact`, `${form.dataset.contactUrl}?q=${encodeURIComponent(q)}`);
      contact.className = 'all contact';
      contact.setAttribute('data-kb-contact', '');
      contact.textContent = (form.dataset.contact ?? '{query}').replace('{query}', q);
      extra.push(contact);
    }
    list.replaceChildren(...items, all, ...extra);
    const template = answer.total === 1 ? form.dataset.countOne : form.dataset.countOther;
    status.textContent = (template ?? '{count}').replace('{count}', new Intl.NumberFormat(locale).format(answer.total));
    list.hidden = false;
    endOnWholeOption();
    input.setAttribute('aria-expanded', 'true');
    active = -1;
    input.removeAttribute('aria-activedescendant');
  }

  /**
   * A list taller than its room scrolls: its visible part ends after the last option that fits whole, so no option is
   * shown with a line cut off (two-line titles on a phone), and the ones below read as more to scroll to.
   */
  function endOnWholeOption(): void {
    list.style.maxBlockSize = '';
    if (list.scrollHeight <= list.clientHeight) return;
    const box = list.getBoundingClientRect();
    const style = getComputedStyle(list);
    const bottom = box.top + list.clientTop + list.clientHeight;
    const fits = [...list.children].filter((li) => li.getBoundingClientRect().bottom <= bottom).at(-1);
    if (!fits) return;
    const end = fits.getBoundingClientRect().bottom - box.top + parseFloat(style.paddingBlockEnd) + parseFloat(style.borderBlockEndWidth);
    list.style.maxBlockSize = `${Math.ceil(end)}px`;
  }

  async function update(): Promise<void> {
    const q = query();
    if (!q) {
      close();
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    try {
      const answer = await fetchAnswer(q);
      if (query() === q) render(q, answer);
    } catch {
      // Aborted by newer typing, or the API is unreachable: the form still submits to /search.
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(typing);
    clearTimeout(settling);
    typing = setTimeout(update, DEBOUNCE_MS);
    settling = setTimeout(() => {
      const q = query();
      if (q) fetchAnswer(q).then((a) => settle(q, a.total), () => undefined);
    }, SETTLE_MS);
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (list.hidden && options().length) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
      event.preventDefault();
      setActive(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && active >= 0 && !list.hidden) {
      event.preventDefault();
      // A click, so the tracker sees a contact option opened from the keyboard as it sees one clicked.
      options()[active]?.click();
    } else if (event.key === 'Escape' && !list.hidden) {
      event.preventDefault();
      close();
    }
  });

  list.addEventListener('click', (event) => {
    const li = (event.target as Element).closest<HTMLLIElement>('[role="option"]');
    if (li) open(li);
  });
  // Keep focus in the input while clicking a suggestion, so the list does not close under the pointer.
  list.addEventListener('mousedown', (event) => event.preventDefault());

  form.addEventListener('submit', (event) => {
    const q = query();
    if (!q) return;
    event.preventDefault();
    clearTimeout(settling);
    clearTimeout(typing);
    fetchAnswer(q)
      .then((a) => settle(q, a.total), () => undefined)
      .finally(() => form.submit());
  });

  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
  input.addEventListener('focus', () => {
    if (query() && options().length) {
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
  });
}

/** `/` typed anywhere but in a field focuses the header's search box (as on GitHub and most docs sites). */
function bindShortcut(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-shortcut="/"]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  if (!form || !input) return;
  // The hint is shown only where the shortcut works, i.e. with this script running.
  form.querySelector('.shortcut')?.removeAttribute('hidden');
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
