import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getArticleReport } from '../../db/reports/getArticleReport.ts';
import { sqliteReportReads } from '../../db/reports/report-reads.ts';
import { rebuildRollups } from '../../db/reports/rollups/rebuild.ts';
import { decodeHistogram, encodeHistogram } from '../../db/reports/rollups/read-histogram.ts';
import { fillReadSecondsFromPageViews } from '../../db/reports/rollups/read-seconds.ts';
import { openMigratedDb } from '../../db/sqlite/migrate.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { catalog } from './catalog-fixture.ts';
import { eventStore, type EventInput } from './store.ts';

const zone = 'Europe/Berlin';
let t: TempDb;
const range = { from: '2026-04-06', to: '2026-04-12', timeZone: zone };
const rp = { article: 'reset-password' };
const bf = { article: 'billing-faq' };

/** A view and its reads (each read's seconds in turn), one session per page view. */
function pageView(session: number, at: string, pv: string, where: Record<string, string>, ...reads: number[]): EventInput[] {
  return [
    { type: 'view', at: `${at}:00`, session, pv, ...where },
    ...reads.map((seconds, i) => ({ type: 'read' as const, at: `${at}:${String(10 + i * 10).padStart(2, '0')}`, session, pv, seconds, ...where })),
  ];
}

beforeAll(async () => {
  t = tempDb({ KB_TZ: zone });
  const { add, close } = eventStore(t);
  const en = { locale: 'en' };
  const fa = { locale: 'fa' };
  // Monday 6 April. Largest seconds per page view: a1 40 (10, 40, then 25 does not lower it), a2 40, a3 0 (not
  // engaged), a4 5, b1 300, f1 90 (fa).
  await add(
    ...pageView(1, '2026-04-06 09:00', 'a1', { ...rp, ...en }, 10, 40, 25),
    ...pageView(2, '2026-04-06 09:30', 'a2', { ...rp, ...en }, 40),
    ...pageView(3, '2026-04-06 10:00', 'a3', { ...rp, ...en }, 0),
    ...pageView(4, '2026-04-06 10:30', 'a4', { ...rp, ...en }, 5),
    ...pageView(5, '2026-04-06 11:00', 'b1', { ...bf, ...en }, 120, 300),
    ...pageView(6, '2026-04-06 11:30', 'f1', { ...rp, ...fa }, 90),
  );
  // Tuesday 7 April: a5 reads 1800 (the tracker's cap), a6 60.
  await add(...pageView(7, '2026-04-07 09:00', 'a5', { ...rp, ...en }, 1800), ...pageView(8, '2026-04-07 09:30', 'a6', { ...rp, ...en }, 60));
  // a late read of a1 on Tuesday still counts on Monday, a1's day: 40 -> 70.
  await add({ type: 'read', at: '2026-04-07 09:40:00', session: 9, pv: 'a1', seconds: 70, ...rp, ...en });
  await close();
});
afterAll(() => t.cleanup());

const report = async (filters: object = {}) => (await getArticleReport(sqliteReportReads(t.db), { ...range, interval: 'day', ...filters }, catalog));
const median = (r: Awaited<ReturnType<typeof report>>, slug: string) => r.articles.find((a) => a.slug === slug)!.medianReadSeconds;

describe('exact median read time from the per-article-day histograms', () => {
  it('takes each page view at its largest seconds, engaged views only, in its own day', async () => {
    const r = (await report());
    // reset-password, all locales: a1 70, a2 40, a4 5, f1 90, a5 1800, a6 60 (a3 not engaged)
    // sorted 5, 40, 60, 70, 90, 1800 -> median (60 + 70) / 2 = 65
    expect(median(r, 'reset-password')).toBe(65);
    // billing-faq: b1 300 alone
    expect(median(r, 'billing-faq')).toBe(300);
    // all articles: 5, 40, 60, 70, 90, 300, 1800 -> 70 (the 4th of 7)
    expect(r.totals.medianReadSeconds).toBe(70);
    // Monday: 5, 40, 70, 90, 300 -> 70; Tuesday: 60, 1800 -> 930; the rest of the week: none
    expect(r.series.map((p) => p.medianReadSeconds)).toEqual([70, 930, null, null, null, null, null]);
  });

  it('filters by locale and by article, and sums days into weeks', async () => {
    // en reset-password: 5, 40, 60, 70, 1800 -> 60
    expect(median((await report({ locale: 'en' })), 'reset-password')).toBe(60);
    expect(median((await report({ locale: 'fa' })), 'reset-password')).toBe(90);
    const one = (await report({ article: 'billing-faq', interval: 'week' }));
    expect(one.series).toHaveLength(1);
    expect([one.totals.medianReadSeconds, one.series[0]!.medianReadSeconds]).toEqual([300, 300]);
  });

  it('comes out the same kept batch by batch, rebuilt from the events, or filled from page views', () => {
    const rows = () => t.db.$client.prepare('SELECT locale, day, article, hex(histogram) AS h FROM article_read_days ORDER BY 1, 2, 3').all();
    const kept = rows();
    // reset-password: Monday en, fa, *; Tuesday en, *. billing-faq: Monday en, *.
    expect(kept).toHaveLength(7);
    rebuildRollups(t.db, t.config);
    expect(rows()).toEqual(kept);
    // A database rolled up before the table existed is filled from page_views once.
    t.db.$client.exec('DELETE FROM article_read_days');
    expect(t.db.$client.transaction(() => fillReadSecondsFromPageViews(t.db.$client))()).toBe(true);
    expect(rows()).toEqual(kept);
    expect(fillReadSecondsFromPageViews(t.db.$client)).toBe(false); // not twice
  });

  it('are filled from page views by the first report on a database upgraded from before them', async () => {
    t.db.$client.exec('DELETE FROM article_read_days');
    const upgraded = openMigratedDb(t.file); // a new process: its first report checks once
    try {
      const r = (await getArticleReport(sqliteReportReads(upgraded), { ...range, interval: 'day' }, catalog));
      expect([median(r, 'reset-password'), r.totals.medianReadSeconds]).toEqual([65, 70]);
    } finally {
      upgraded.$client.close();
    }
  });
});

describe('packed histograms', () => {
  it('round-trip in ascending order, drop zero counts and pack equal histograms to equal bytes', () => {
    const counts = new Map([[1800, 3], [0, 1], [127, 200], [128, 0], [5, 70_000]]);
    const seen: Array<[number, number]> = [];
    decodeHistogram(encodeHistogram(counts), (v, n) => seen.push([v, n]));
    expect(seen).toEqual([[0, 1], [5, 70_000], [127, 200], [1800, 3]]);
    expect(encodeHistogram(new Map([[5, 70_000], [127, 200], [1800, 3], [0, 1]]))).toEqual(encodeHistogram(counts));
    expect(() => encodeHistogram(new Map([[10, -1]]))).toThrow(/cannot store -1 page views at 10 seconds/);
  });
});
