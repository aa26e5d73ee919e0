/** SPEC 7.2: searches, zero results, click-through, bounces, and per query its contact rate. */
import { fillSeries, periodOf, periodsBetween } from './periods.ts';
import { MIN_SAMPLE, rate, sampledRate } from './stats.ts';
import type { QueryRow, SearchFigures, SearchReport, SearchReportFilters } from '../shared/reports.ts';
import type { ReportReads } from './report-reads.ts';

export type { SearchReport, SearchFigures, QueryRow } from '../shared/reports.ts';

/** How many rows each query list holds. */
export const QUERY_LIST_LIMIT = 100;

interface Sums {
  searches: number;
  zeroResults: number;
  clicked: number;
  bounced: number;
  sessions: number;
  contactSessions: number;
}
const zero = (): Sums => ({ searches: 0, zeroResults: 0, clicked: 0, bounced: 0, sessions: 0, contactSessions: 0 });
function add(into: Sums, r: Sums) {
  into.searches += r.searches;
  into.zeroResults += r.zeroResults;
  into.clicked += r.clicked;
  into.bounced += r.bounced;
  into.sessions += r.sessions;
  into.contactSessions += r.contactSessions;
}

/** `minSample` (series points: MIN_SAMPLE) leaves the rates null under that many searches. */
function searchFigures(s: Sums, minSample = 1): SearchFigures {
  return {
    searches: s.searches,
    zeroResultSearches: s.zeroResults,
    zeroResultRate: sampledRate(s.zeroResults, s.searches, minSample),
    clickThroughRate: sampledRate(s.clicked, s.searches, minSample),
    bouncedSearches: s.bounced,
  };
}

function queryRow(query: string, s: Sums): QueryRow {
  return { query, ...searchFigures(s), sessions: s.sessions, contactSessions: s.contactSessions, contactRate: rate(s.contactSessions, s.sessions) };
}

export async function getSearchReport(reads: ReportReads, filters: SearchReportFilters): Promise<SearchReport> {
  await reads.settle(filters.timeZone); // rollups trail ingest by a fraction of a second
  const { from, to, interval } = filters;
  const locale = filters.locale ?? '*';
  const byPeriod = await reads.queryDaysByDay(locale, from, to);
  const total = zero();
  const points = new Map<string, Sums>();
  for (const r of byPeriod) {
    add(total, r);
    const p = periodOf(r.day, interval, from);
    add(points.get(p) ?? (points.set(p, zero()), points.get(p)!), r);
  }
  const byQuery = filters.totalsOnly ? [] : await reads.queryDaysByQuery(locale, from, to);
  const rows = byQuery.map((r) => queryRow(r.query, r));
  const top = (key: (r: QueryRow) => number) =>
    rows
      .filter((r) => key(r) > 0)
      .sort((a, b) => key(b) - key(a) || b.searches - a.searches || a.query.localeCompare(b.query))
      .slice(0, QUERY_LIST_LIMIT);
  return {
    from,
    to,
    interval,
    totals: searchFigures(total),
    series: fillSeries(periodsBetween(from, to, interval), new Map([...points].map(([p, s]) => [p, searchFigures(s, MIN_SAMPLE)])), () => searchFigures(zero(), MIN_SAMPLE)),
    queries: top((r) => r.searches),
    zeroResultQueries: top((r) => r.zeroResultSearches),
    contactQueries: top((r) => r.contactSessions),
  };
}
