/** The digest's figures, read through the report registry: the very numbers GET /api/reports/* answers for the week. */
import type { Config } from '../../db/shared/config.ts';
import type { Catalog } from '../../db/shared/catalog.ts';
import type { Store } from '../../db/store.ts';
import type { ArticleRow, GapRow, OverviewFigures, QueryRow } from '../../db/shared/reports.ts';
import { runReport } from '../reports/registry.ts';
import type { DigestPeriod } from './period.ts';

/** How many rows each list of the digest holds. */
export const DIGEST_ROWS = 5;

export interface DigestData {
  period: DigestPeriod;
  overview: { totals: OverviewFigures; previous: OverviewFigures };
  costPerTicket: number | null;
  /** The five articles with the most contacts after read. */
  articles: ArticleRow[];
  /** The top zero-result queries. */
  zeroResultQueries: QueryRow[];
  /** The five biggest gaps. */
  gaps: GapRow[];
}

export async function collectDigest(store: Store, config: Config, catalog: Catalog, period: DigestPeriod): Promise<DigestData> {
  const week = { from: period.from, to: period.to, interval: 'day' as const };
  const [overview, articles, search, gaps] = await Promise.all([
    runReport('overview', store, config, catalog, { ...week, compare: 'previous' }),
    runReport('articles', store, config, catalog, week),
    runReport('search', store, config, catalog, week),
    runReport('gaps', store, config, catalog, week),
  ]);
  const o = overview as unknown as { totals: OverviewFigures; previous: { totals: OverviewFigures }; costPerTicket: number | null };
  return {
    period,
    overview: { totals: o.totals, previous: o.previous.totals },
    costPerTicket: o.costPerTicket,
    articles: (articles as unknown as { articles: ArticleRow[] }).articles
      .filter((a) => a.contactsAfterRead > 0)
      .sort((a, b) => b.contactsAfterRead - a.contactsAfterRead || b.sessions - a.sessions || a.slug.localeCompare(b.slug))
      .slice(0, DIGEST_ROWS),
    zeroResultQueries: (search as unknown as { zeroResultQueries: QueryRow[] }).zeroResultQueries.slice(0, DIGEST_ROWS),
    gaps: (gaps as unknown as { gaps: GapRow[] }).gaps.slice(0, DIGEST_ROWS),
  };
}
