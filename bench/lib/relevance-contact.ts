/** Which relevance bar contact-form suggestions should pass: measured on the same known-item and no-answer queries. */
import { buildIndex } from '../../api/search/build-index.ts';
import { LocaleSearch, SUGGEST_STRONG_SHARE } from '../../api/search/searcher.ts';
import type { SearchSource } from '../../api/search/documents.ts';

const SHARES = [0, 0.5, 1];

export function contactBar(sources: readonly SearchSource[], known: readonly { query: string; slug: string }[], noAnswer: readonly string[]): string {
  const search = new LocaleSearch(buildIndex('en', 'en', sources));
  const rows = SHARES.map((share) => {
    let right = 0;
    let wrong = 0;
    let shown = 0;
    for (const k of known) {
      const slugs = search.suggestions(k.query, share).slice(0, 3).map((s) => s.slug);
      if (slugs.length) shown++;
      if (slugs.includes(k.slug)) right++;
      else if (slugs.length) wrong++;
    }
    const quiet = noAnswer.filter((q) => search.suggestions(q, share).length === 0).length;
    const name = share === 0 ? 'every word' : `every word, ${share === 1 ? 'all' : `${share * 100}%`} of them in title, headings, description or tags`;
    const chosen = share === SUGGEST_STRONG_SHARE ? ' (used)' : '';
    return `| ${name}${chosen} | ${right}/${known.length} | ${wrong}/${known.length} | ${known.length - shown}/${known.length} | ${quiet}/${noAnswer.length} |`;
  });
  return [
    '### Contact-form suggestions: the relevance bar',
    '',
    'Each known-item query typed as a contact subject: how often the right article is among the (at most three)',
    'suggestions, how often only other articles are, how often nothing is suggested; and how many no-answer queries',
    'suggest nothing, as they should. A bar is worth it when it removes wrong suggestions faster than right ones.',
    '',
    '| bar | right article suggested | only other articles | nothing suggested | no-answer queries with nothing |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
