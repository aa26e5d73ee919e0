/** SPEC 7.5: an edit's before/after says whether the change is significant (two-proportion z-test at 95%). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getArticleReport } from '../../db/reports/getArticleReport.ts';
import { significantChange, twoProportionZ } from '../../db/reports/stats.ts';
import { sqliteReportReads } from '../../db/reports/report-reads.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { catalog } from './catalog-fixture.ts';
import { eventStore, type EventInput } from './store.ts';

describe('two-proportion z-test', () => {
  it('gives the pooled z of hand-worked cases', () => {
    // 30/100 against 10/100: p = 0.2, se = sqrt(0.2 * 0.8 * 0.02) = 0.0565685, z = -0.2 / se = -3.5355
    expect(twoProportionZ(30, 100, 10, 100)).toBeCloseTo(-3.5355339, 6);
    // 12/40 against 8/40: p = 0.25, se = sqrt(0.25 * 0.75 * 0.05) = 0.0968246, z = -1.0328
    expect(twoProportionZ(12, 40, 8, 40)).toBeCloseTo(-1.0327956, 6);
    // nothing varies: 0 of 30 against 0 of 25
    expect(twoProportionZ(0, 30, 0, 25)).toBe(0);
    expect(twoProportionZ(1, 0, 1, 10)).toBeNull();
  });

  it('calls a change significant at |z| >= 1.96, and says nothing under 20 on either side', () => {
    expect(significantChange(30, 100, 10, 100)).toBe(true);
    expect(significantChange(12, 40, 8, 40)).toBe(false);
    // either side of the line: 10/50 -> 19/50 is z = 1.983 (significant), 10/50 -> 18/50 is z = 1.782 (not)
    expect(twoProportionZ(10, 50, 19, 50)).toBeCloseTo(1.98343, 4);
    expect(significantChange(10, 50, 19, 50)).toBe(true);
    expect(significantChange(10, 50, 18, 50)).toBe(false);
    // the case: helpful 70% -> 50% with 2 votes after is not a finding
    expect(significantChange(7, 10, 1, 2)).toBeNull();
    expect(significantChange(5, 19, 0, 40)).toBeNull();
    expect(significantChange(5, 20, 0, 40)).toBe(true); // 25% -> 0%: z = -2.83
  });
});

describe('article changes', () => {
  let t: TempDb;
  beforeAll(async () => {
    t = tempDb({ KB_TZ: 'UTC' });
    const { add, close } = eventStore(t);
    const events: EventInput[] = [];
    // reset-password was edited on 5 March 2026: 40 sessions before (12 contact support), 40 after (2 do).
    for (let s = 0; s < 80; s++) {
      const day = s < 40 ? `2026-02-${String(10 + (s % 15)).padStart(2, '0')}` : `2026-03-${String(10 + (s % 15)).padStart(2, '0')}`;
      const hour = String(8 + Math.floor(s / 15)).padStart(2, '0');
      events.push({ type: 'view', at: `${day} ${hour}:00`, session: s, article: 'reset-password', locale: 'en' });
      events.push({ type: 'vote', at: `${day} ${hour}:01`, session: s, article: 'reset-password', locale: 'en', helpful: s % 2 === 0 });
      if ((s < 40 && s < 12) || (s >= 40 && s < 42)) events.push({ type: 'contact', at: `${day} ${hour}:03`, session: s, via: 'cta', locale: 'en' });
    }
    await add(...events.sort((a, b) => a.at.localeCompare(b.at)));
    await close();
  });
  afterAll(() => t.cleanup());

  it('carry significant for the contact rate and helpfulSignificant for the helpful rate', async () => {
    const report = await getArticleReport(sqliteReportReads(t.db), { from: '2026-02-01', to: '2026-04-30', interval: 'month', timeZone: 'UTC' }, catalog);
    const [change] = report.articles.find((a) => a.slug === 'reset-password')!.changes;
    // contact rate 12/40 = 30% -> 2/40 = 5%: z = -2.94, significant; helpful 50% -> 50%: not
    expect(change).toEqual({
      date: '2026-03-05',
      before: { contactRate: 0.3, helpfulRate: 0.5, sessions: 40, votes: 40 },
      after: { contactRate: 0.05, helpfulRate: 0.5, sessions: 40, votes: 40 },
      significant: true,
      helpfulSignificant: false,
    });
  });
});
