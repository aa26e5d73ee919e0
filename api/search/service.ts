/** The search every locale shares at run time: loads each locale's index once and answers by locale. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDEX_VERSION, type SerializedIndex } from './build-index.ts';
import { EMPTY_ANSWER, LocaleSearch, type SearchAnswer, type SearchResult } from './searcher.ts';

export interface SearchService {
  /** Locales that have an index. */
  readonly locales: readonly string[];
  /** Results for `query` in `locale`; an unknown locale or an empty query answers no results. */
  search(query: string, locale: string, limit?: number): SearchAnswer;
  /** Contact-form suggestions: only articles that pass the relevance bar, at most `limit` (3). */
  suggest(query: string, locale: string, limit?: number): SearchResult[];
  /** Articles sharing words with a query, for a writer deciding where a zero-result query should lead. */
  related(query: string, locale: string, limit?: number): SearchResult[];
  /** The words of a text search counts in a locale (stop words left out). */
  meaningfulWords(text: string, locale: string): string[];
}

/** A service over indexes already in memory (tests, dev server). */
export function searchService(indexes: readonly SerializedIndex[]): SearchService {
  const byLocale = new Map(indexes.map((data) => [data.locale, new LocaleSearch(data)]));
  return {
    locales: [...byLocale.keys()],
    search: (query, locale, limit) => byLocale.get(locale)?.search(query, limit) ?? EMPTY_ANSWER,
    suggest: (query, locale, limit) => byLocale.get(locale)?.suggest(query, limit) ?? [],
    related: (query, locale, limit) => byLocale.get(locale)?.related(query, limit) ?? [],
    meaningfulWords: (text, locale) => byLocale.get(locale)?.meaningfulWords(text) ?? [],
  };
}

/** Reads every `<locale>.json` index the build wrote into `dir`. */
export function loadSearchDir(dir: string): SearchService {
  if (!existsSync(dir)) {
    throw new Error(`No search index in ${dir}: build the site first (npm run build).`);
  }
  const indexes = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((file) => {
      const path = join(dir, file);
      const data = JSON.parse(readFileSync(path, 'utf8')) as SerializedIndex;
      if (data.version !== INDEX_VERSION) throw new Error(`${path} is an old search index: rebuild the site.`);
      return data;
    });
  return searchService(indexes);
}
