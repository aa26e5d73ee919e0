/** Which relevance bar contact-form suggestions should pass: measured on the known-item and no-answer queries of both sets. */
import { buildIndex } from '../../api/search/build-index.ts';
import { LocaleSearch, SUGGEST_STRONG_SHARE } from '../../api/search/searcher.ts';
import type { SearchSource } from '../../api/search/documents.ts';
import { slugOf, type QuerySet } from './relevance-queries.ts';

const SHARES = [0, 0.5, 1];

function counts(search: LocaleSearch, set: QuerySet, share: number): string {
  let right = 0;
  let wrong = 0;
  let shown = 0;
  for (const k of set.knownItem) {
    const slugs = search.suggestions(k.query, share).slice(0, 3).map((s) => s.slug);
    if (slugs.length) shown++;
    if (slugs.includes(slugOf(k.target))) right++;
    else if (slugs.length) wrong++;
  }
  const n = set.knownItem.length;
  const quiet = set.noAnswer.filter((q) => search.suggestions(q, share).length === 0).length;
  return `${right}/${n} | ${wrong}/${n} | ${n - shown}/${n} | ${quiet}/${set.noAnswer.length}`;
}

export function contactBar(sources: readonly SearchSource[], sets: readonly QuerySet[]): string {
  const search = new LocaleSearch(buildIndex('en', 'en', sources));
  const rows = SHARES.flatMap((share) => {
    const name = share === 0 ? 'every word' : `every word, ${share === 1 ? 'all' : `${share * 100}%`} of them in title, headings, description or tags`;
    const chosen = share === SUGGEST_STRONG_SHARE ? ' (used)' : '';
    return sets.map((set) => `| ${name}${chosen} | ${set.name} | ${counts(search, set, share)} |`);
  });
  return [
    '### Contact-form suggestions: the relevance bar',
    '',
    'Each known-item query typed as a contact subject (no synonyms): how often the right article is among the (at most three)',
    'suggestions, how often only other articles are, how often nothing is suggested; and how many no-answer queries',
    'suggest nothing, as they should. A bar is worth it when it removes wrong suggestions faster than right ones.',
    '',
    '| bar | query set | right article suggested | only other articles | nothing suggested | no-answer queries with nothing |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
