/** One search query's drill-down: its figures in a range, the result counts customers saw then, and the locales it came from. */
import { normalizeQuery } from '../tracking/event-fields.ts';
import { rangeMs } from './periods.ts';
import type { ReportReads } from './report-reads.ts';
import { rate } from './stats.ts';
import type { QueryDetail, ReportFilters } from '../shared/reports.ts';

export type { QueryDetail } from '../shared/reports.ts';

export async function getQueryDetail(reads: ReportReads, filters: Omit<ReportFilters, 'interval'> & { query: string }): Promise<QueryDetail> {
  await reads.settle(filters.timeZone);
  const query = normalizeQuery(filters.query);
  const [start, end] = rangeMs(filters.from, filters.to, filters.timeZone);
  const [s, searches] = await Promise.all([
    reads.querySums(filters.locale ?? '*', query, filters.from, filters.to),
    reads.querySearches(query, start, end, filters.locale),
  ]);
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
    ...searches,
  };
}
