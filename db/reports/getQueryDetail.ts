/** One search query's drill-down: its figures in a range, the result counts customers saw then, and the locales it came from. */
import type { Db } from '../sqlite/client.ts';
import { normalizeQuery } from '../tracking/event-fields.ts';
import { settleRollups } from './rollups/catch-up.ts';
import { rangeMs } from './periods.ts';
import { rate } from './stats.ts';
import type { QueryDetail, ReportFilters } from '../shared/reports.ts';

export type { QueryDetail } from '../shared/reports.ts';

export function getQueryDetail(db: Db, filters: Omit<ReportFilters, 'interval'> & { query: string }): QueryDetail {
  settleRollups(db, filters.timeZone);
  const query = normalizeQuery(filters.query);
  const locale = filters.locale ?? '*';
  const s = db.$client
    .prepare(
      `SELECT coalesce(sum(searches), 0) AS "searches", coalesce(sum(zero_results), 0) AS "zeroResults", coalesce(sum(clicked), 0) AS "clicked",
              coalesce(sum(bounced), 0) AS "bounced", coalesce(sum(sessions), 0) AS "sessions", coalesce(sum(contact_sessions), 0) AS "contactSessions"
       FROM query_days WHERE locale = ? AND query = ? AND day BETWEEN ? AND ?`,
    )
    .get(locale, query, filters.from, filters.to) as { searches: number; zeroResults: number; clicked: number; bounced: number; sessions: number; contactSessions: number };
  const [start, end] = rangeMs(filters.from, filters.to, filters.timeZone);
  const inLocale = filters.locale ? 'AND locale = ?' : '';
  const args = [query, start, end, ...(filters.locale ? [filters.locale] : [])];
  const resultCounts = db.$client
    .prepare(
      `SELECT results AS "results", count(*) AS "searches", max(ts) AS "lastAt" FROM events
       WHERE type = 'search' AND query_norm = ? AND ts >= ? AND ts < ? ${inLocale} GROUP BY results ORDER BY count(*) DESC, results`,
    )
    .all(...args) as QueryDetail['resultCounts'];
  const locales = db.$client
    .prepare(
      `SELECT coalesce(locale, 'en') AS "locale", count(*) AS "searches" FROM events
       WHERE type = 'search' AND query_norm = ? AND ts >= ? AND ts < ? ${inLocale} GROUP BY 1 ORDER BY count(*) DESC, 1`,
    )
    .all(...args) as QueryDetail['locales'];
  return {
    query,
    figures: {
      query,
      searches: s.searches,
      zeroResultSearches: s.zeroResults,
      zeroResultRate: rate(s.zeroResults, s.searches),
      clickThroughRate: rate(s.clicked, s.searches),
      bouncedSearches: s.bounced,
      sessions: s.sessions,
      contactSessions: s.contactSessions,
      contactRate: rate(s.contactSessions, s.sessions),
    },
    resultCounts,
    locales,
  };
}
