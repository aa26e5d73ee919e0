/** For each zero-result query: the articles a writer might point it at, and the synonym line that would do it. */
import type { SearchService } from '../../../api/search/service.ts';
import { parseSynonyms, synonymLine } from '../../../api/search/synonyms.ts';

export interface SynonymHint {
  query: string;
  locale: string;
  /** Searches for it now find this many articles (a rule was added since): nothing left to do. */
  nowFinds: number;
  candidates: { title: string; url: string; line: string }[];
}

const MAX_TARGET_WORDS = 6;
const PERSIAN = /[\u0600-\u06FF]/;
const CYRILLIC = /[\u0400-\u04FF]/;

/** The locale a query was most likely typed in: by script, and for Latin letters the locale where more of its words exist. */
function localeOf(query: string, search: SearchService): string {
  const has = (l: string) => search.locales.includes(l);
  if (PERSIAN.test(query) && has('fa')) return 'fa';
  if (CYRILLIC.test(query) && has('ru')) return 'ru';
  const latin = search.locales.filter((l) => l !== 'fa' && l !== 'ru');
  const missing = (l: string) => {
    const a = search.search(query, l, 1);
    return a.total > 0 ? -1 : a.partial.length ? a.missing.length : Infinity;
  };
  return latin.sort((a, b) => missing(a) - missing(b))[0] ?? search.locales[0] ?? 'en';
}

/** A YAML line that maps `query` to the meaningful words of `title`, quoted when a plain line would not read back the same. */
function lineFor(query: string, title: string, words: (text: string) => string[]): string {
  const target = words(title).slice(0, MAX_TARGET_WORDS).join(' ');
  const plain = synonymLine(query, target);
  try {
    const [rule] = parseSynonyms(plain, 'hint.yml');
    if (rule?.kind === 'oneWay' && rule.phrases.length === 2) return plain;
  } catch {
    // Quoted below.
  }
  return `- ${JSON.stringify(plain.slice(2))}`;
}

export function synonymHints(queries: readonly string[], search: SearchService, limit = 3): SynonymHint[] {
  return queries.map((query) => {
    const locale = localeOf(query, search);
    const nowFinds = search.search(query, locale, 1).total;
    const candidates = nowFinds > 0 ? [] : search.related(query, locale, limit).map((r) => ({ title: r.title, url: r.url, line: lineFor(query, r.title, (t) => search.meaningfulWords(t, locale)) }));
    return { query, locale, nowFinds, candidates };
  });
}
