/** The search every locale shares at run time: loads each locale's index once and answers by locale. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDEX_VERSION, type SerializedIndex } from './build-index.ts';
import { LocaleSearch, type SearchAnswer } from './searcher.ts';

export interface SearchService {
  /** Locales that have an index. */
  readonly locales: readonly string[];
  /** Results for `query` in `locale`; an unknown locale or an empty query answers no results. */
  search(query: string, locale: string, limit?: number): SearchAnswer;
}

/** A service over indexes already in memory (tests, dev server). */
export function searchService(indexes: readonly SerializedIndex[]): SearchService {
  const byLocale = new Map(indexes.map((data) => [data.locale, new LocaleSearch(data)]));
  return {
    locales: [...byLocale.keys()],
    search(query, locale, limit) {
      return byLocale.get(locale)?.search(query, limit) ?? { total: 0, results: [] };
    },
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
