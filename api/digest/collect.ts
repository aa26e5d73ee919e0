/** The digest's figures, read through the report registry: the very numbers GET /api/reports/* answers for the week. */
import type { Config } from '../../db/shared/config.ts';
import type { Catalog } from '../../db/shared/catalog.ts';
import type { Db } from '../../db/sqlite/client.ts';
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

export function collectDigest(db: Db, config: Config, catalog: Catalog, period: DigestPeriod): DigestData {
  const week = { from: period.from, to: period.to, interval: 'day' as const };
  const overview = runReport('overview', db, config, catalog, { ...week, compare: 'previous' }) as unknown as {
    totals: OverviewFigures;
    previous: { totals: OverviewFigures };
    costPerTicket: number | null;
  };
  const articles = runReport('articles', db, config, catalog, week) as unknown as { articles: ArticleRow[] };
  const search = runReport('search', db, config, catalog, week) as unknown as { zeroResultQueries: QueryRow[] };
  const gaps = runReport('gaps', db, config, catalog, week) as unknown as { gaps: GapRow[] };
  return {
    period,
    overview: { totals: overview.totals, previous: overview.previous.totals },
    costPerTicket: overview.costPerTicket,
    articles: articles.articles
      .filter((a) => a.contactsAfterRead > 0)
      .sort((a, b) => b.contactsAfterRead - a.contactsAfterRead || b.sessions - a.sessions || a.slug.localeCompare(b.slug))
      .slice(0, DIGEST_ROWS),
    zeroResultQueries: search.zeroResultQueries.slice(0, DIGEST_ROWS),
    gaps: gaps.gaps.slice(0, DIGEST_ROWS),
  };
}
