/**
 * The demo's searches count their results as the live site does: through the index the site serves (dist/search), so a
 * query the dashboard lists as zero-result ("gift cards") finds nothing on the demo site either.
 */
import type { SearchService } from '../../api/search/service.ts';

/** `total` as GET /api/search answers it for a query in a locale. */
export type SearchTotal = (query: string, locale: string) => number;

export function searchTotalOf(search: SearchService): SearchTotal {
  const cache = new Map<string, number>();
  return (query, locale) => {
    const key = `${locale}\u0000${query}`;
    let total = cache.get(key);
    if (total === undefined) cache.set(key, (total = search.search(query, locale, 1).total));
    return total;
  };
}
