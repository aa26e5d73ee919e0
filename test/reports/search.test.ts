import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSearchReport } from '../../db/reports/getSearchReport.ts';
import { sqliteReportReads } from '../../db/reports/report-reads.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { eventStore } from './store.ts';

let t: TempDb;
const filters = { from: '2026-05-04', to: '2026-05-05', interval: 'day' as const, timeZone: 'America/New_York' };

beforeAll(async () => {
  t = tempDb({ KB_TZ: 'America/New_York' });
  const { add } = eventStore(t);
  const en = { locale: 'en' };
  // S1: "Reset  Password " (5 results) clicked twice, then "refund" (0 results), then contacts.
  await add(
    { type: 'search', at: '2026-05-04 09:00', session: 1, query: ' Reset  Password ', results: 5, ...en },
    { type: 'search_click', at: '2026-05-04 09:00:10', session: 1, query: 'reset password', position: 1, ...en },
    { type: 'search_click', at: '2026-05-04 09:00:40', session: 1, query: 'reset password', position: 2, ...en },
    { type: 'search', at: '2026-05-04 09:02', session: 1, query: 'refund', results: 0, ...en },
    { type: 'contact', at: '2026-05-04 09:05', session: 1, via: 'cta', ...en },
  );
  // S2: "reset password" (3 results), not opened; a contact BEFORE its search does not count for it.
  await add(
    { type: 'contact', at: '2026-05-05 08:00', session: 2, via: 'cta', ...en },
    { type: 'search', at: '2026-05-05 08:10', session: 2, query: 'reset password', results: 3, ...en },
  );
  // S3: "refund" twice with no results, no contact; then "RESET password" in fa, opened.
  await add(
    { type: 'search', at: '2026-05-05 10:00', session: 3, query: 'refund', results: 0, ...en },
    { type: 'search', at: '2026-05-05 10:01', session: 3, query: 'Refund', results: 0, ...en },
    { type: 'search', at: '2026-05-05 10:02', session: 3, query: 'RESET password', results: 2, locale: 'fa' },
    { type: 'search_click', at: '2026-05-05 10:03', session: 3, position: 1, locale: 'fa' },
  );
});
afterAll(() => t.cleanup());

describe('search report (SPEC 7.2)', () => {
  it('normalises queries and counts searches, zero results, click-through and bounces', async () => {
    const r = (await getSearchReport(sqliteReportReads(t.db), filters));
    // 6 searches (S1 2, S2 1, S3 3); zero results: refund ×3; clicked: S1 "reset password" (two clicks count once)
    // and S3's fa search -> CTR 2/6; bounced = results shown, none opened: S2's search only
    expect(r.totals).toEqual({ searches: 6, zeroResultSearches: 3, zeroResultRate: 0.5, clickThroughRate: 2 / 6, bouncedSearches: 1 });
    const reset = r.queries.find((q) => q.query === 'reset password')!;
    // S1 (clicked), S2 (bounced), S3 fa (clicked): 3 searches in 3 sessions; only S1 contacted after searching
    expect([reset.searches, reset.clickThroughRate, reset.bouncedSearches, reset.sessions, reset.contactSessions]).toEqual([3, 2 / 3, 1, 3, 1]);
    expect(reset.contactRate).toBeCloseTo(1 / 3, 12);
  });

  it('lists top zero-result queries and queries that end in contact', async () => {
    const r = (await getSearchReport(sqliteReportReads(t.db), filters));
    // refund: 3 searches in S1 and S3, all zero; S1 contacted afterwards -> 1 of 2 sessions
    expect(r.zeroResultQueries.map((q) => [q.query, q.zeroResultSearches, q.sessions, q.contactSessions])).toEqual([['refund', 3, 2, 1]]);
    // both ended in contact in one session (S1) and were searched 3 times: ties go alphabetically
    expect(r.contactQueries.map((q) => [q.query, q.contactSessions])).toEqual([['refund', 1], ['reset password', 1]]);
  });

  it('puts each search on its local day and filters by locale', async () => {
    const r = (await getSearchReport(sqliteReportReads(t.db), filters));
    expect(r.series.map((p) => [p.period, p.searches])).toEqual([['2026-05-04', 2], ['2026-05-05', 4]]);
    const fa = (await getSearchReport(sqliteReportReads(t.db), { ...filters, locale: 'fa' }));
    expect([fa.totals.searches, fa.totals.clickThroughRate, fa.queries[0]?.query]).toEqual([1, 1, 'reset password']);
  });
});
