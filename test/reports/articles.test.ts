import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getArticleReport } from '../../db/reports/getArticleReport.ts';
import { sqliteReportReads } from '../../db/reports/report-reads.ts';
import { articleFlags } from '../../db/reports/article-flags.ts';
import { articleFigures, zeroSums } from '../../db/reports/article-figures.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { catalog } from './catalog-fixture.ts';
import { eventStore } from './store.ts';

const zone = 'Europe/Berlin';
let t: TempDb;
const base = { from: '2026-03-02', to: '2026-03-03', interval: 'day' as const, timeZone: zone };

beforeAll(async () => {
  t = tempDb({ KB_TZ: zone, KB_ATTRIBUTION_MINUTES: '30' });
  const { add } = eventStore(t);
  const rp = { article: 'reset-password', locale: 'en' };
  // S1, visitor A, Mon 2 March: reads p1, votes yes then no (with a comment), contacts 5 min later.
  await add(
    { type: 'view', at: '2026-03-02 10:00', session: 1, visitor: 'A', pv: 'p1', ...rp },
    { type: 'read', at: '2026-03-02 10:00:30', session: 1, visitor: 'A', pv: 'p1', seconds: 15, scroll: 40, ...rp },
    { type: 'read', at: '2026-03-02 10:01', session: 1, visitor: 'A', pv: 'p1', seconds: 45, scroll: 95, ...rp },
    { type: 'read', at: '2026-03-02 10:01:30', session: 1, visitor: 'A', pv: 'p1', seconds: 30, scroll: 50, ...rp },
    { type: 'vote', at: '2026-03-02 10:02', session: 1, visitor: 'A', pv: 'p1', helpful: true, ...rp },
    { type: 'vote', at: '2026-03-02 10:02:10', session: 1, visitor: 'A', pv: 'p1', helpful: false, comment: 'Missing SSO steps', ...rp },
    { type: 'contact', at: '2026-03-02 10:05', session: 1, visitor: 'A', via: 'cta', locale: 'en' },
  );
  // S2, visitor A again the same day: reset-password (no engagement), then billing-faq, then contact.
  await add(
    { type: 'view', at: '2026-03-02 15:00', session: 2, visitor: 'A', pv: 'p2', ...rp },
    { type: 'read', at: '2026-03-02 15:00:20', session: 2, visitor: 'A', pv: 'p2', seconds: 0, scroll: 10, ...rp },
    { type: 'view', at: '2026-03-02 15:01', session: 2, visitor: 'A', pv: 'p3', article: 'billing-faq', locale: 'en' },
    { type: 'read', at: '2026-03-02 15:02', session: 2, visitor: 'A', pv: 'p3', article: 'billing-faq', locale: 'en', seconds: 20, scroll: 100 },
    { type: 'contact', at: '2026-03-02 15:03', session: 2, visitor: 'A', via: 'cta', locale: 'en' },
  );
  // S3, visitor B, Tue 3 March: reads p4 (still reading at 09:25, so the session goes on), votes yes,
  // contacts 40 minutes after the view (outside the 30-minute window).
  await add(
    { type: 'view', at: '2026-03-03 09:00', session: 3, visitor: 'B', pv: 'p4', ...rp },
    { type: 'vote', at: '2026-03-03 09:01', session: 3, visitor: 'B', pv: 'p4', helpful: true, ...rp },
    { type: 'read', at: '2026-03-03 09:25', session: 3, visitor: 'B', pv: 'p4', seconds: 60, scroll: 90, ...rp },
    { type: 'contact', at: '2026-03-03 09:40', session: 3, visitor: 'B', via: 'form', locale: 'en' },
  );
  // S4, visitor A on the next day; S6, visitor B reads the Persian translation.
  await add(
    { type: 'view', at: '2026-03-03 11:00', session: 4, visitor: 'A', pv: 'p5', ...rp },
    { type: 'read', at: '2026-03-03 11:00:20', session: 4, visitor: 'A', pv: 'p5', seconds: 10, scroll: 20, ...rp },
    { type: 'view', at: '2026-03-03 12:00', session: 6, visitor: 'B', pv: 'p6', article: 'reset-password', locale: 'fa' },
  );
  // S5 after the edit of 5 March: a helpful read, no contact.
  await add(
    { type: 'view', at: '2026-03-06 10:00', session: 5, visitor: 'C', pv: 'p7', ...rp },
    { type: 'vote', at: '2026-03-06 10:01', session: 5, visitor: 'C', pv: 'p7', helpful: true, ...rp },
  );
});
afterAll(() => t.cleanup());

const row = async (slug: string, filters = {}) => (await getArticleReport(sqliteReportReads(t.db), { ...base, ...filters }, catalog)).articles.find((a) => a.slug === slug)!;

describe('article report (SPEC 7.1) on a hand-made data set', () => {
  it('counts views and visitors distinct per day', async () => {
    const r = (await row('reset-password', { locale: 'en' }));
    // en views: p1, p2 (2 March), p4, p5 (3 March) = 4
    expect(r.views).toBe(4);
    // 2 March: {A}; 3 March: {B, A} -> 1 + 2 = 3 (A counts once per day, on both days)
    expect(r.visitors).toBe(3);
  });

  it('takes the largest seconds per page view and averages only engaged views', async () => {
    const r = (await row('reset-password', { locale: 'en' }));
    // p1 max(15, 45, 30) = 45; p2 = 0 (not engaged); p4 = 60; p5 = 10 -> mean (45+60+10)/3 = 38.33, median 45
    expect(r.avgReadSeconds).toBeCloseTo(115 / 3, 10);
    expect(r.medianReadSeconds).toBe(45);
    expect(r.expectedReadSeconds).toBe(300);
  });

  it('counts read-through as views whose deepest scroll reached 90', async () => {
    // p1 deepest 95 (the later 50 does not lower it), p4 exactly 90; p2 10, p5 20 -> 2 / 4
    expect((await row('reset-password', { locale: 'en' })).readThroughRate).toBe(0.5);
  });

  it('counts only the last vote of each page view and gives the Wilson lower bound', async () => {
    const r = (await row('reset-password', { locale: 'en' }));
    // p1 voted yes then no -> no; p4 yes -> 1 yes, 1 no
    expect([r.helpfulYes, r.helpfulNo, r.helpfulRate]).toEqual([1, 1, 0.5]);
    // Wilson 95%, n=2, p=0.5, z²=3.8416: (0.5 + 0.9604 - 1.96·√(0.125 + 0.2401)) / (1 + 1.9208) = 0.276099 / 2.9208 = 0.09453
    expect(r.helpfulLow).toBeCloseTo(0.09453, 4);
    expect(r.comments).toEqual([{ date: '2026-03-02', locale: 'en', text: 'Missing SSO steps' }]);
  });

  it('attributes a contact only within the window and with no other article viewed in between', async () => {
    const r = (await row('reset-password', { locale: 'en' }));
    // sessions with a view: S1, S2, S3, S4 = 4. Only S1 counts: S2 read billing-faq in between, S3 contacted after 40 min.
    expect([r.sessions, r.contactsAfterRead]).toEqual([4, 1]);
    expect(r.contactRate).toBe(0.25);
    expect(r.deflectionRate).toBe(0.75);
    const b = (await row('billing-faq', { locale: 'en' }));
    // S2's contact belongs to billing-faq, the last article read, 2 minutes before.
    expect([b.sessions, b.contactsAfterRead, b.contactRate]).toEqual([1, 1, 1]);
  });

  it('filters by locale and counts all locales without one', async () => {
    const all = (await row('reset-password'));
    // + p6 in fa (S6, visitor B on 3 March, already counted that day) -> views 5, visitors 3, sessions 5
    expect([all.views, all.visitors, all.sessions, all.contactsAfterRead]).toEqual([5, 3, 5, 1]);
    expect(all.readThroughRate).toBe(0.4);
    const fa = (await row('reset-password', { locale: 'fa' }));
    expect([fa.views, fa.visitors, fa.sessions, fa.title]).toEqual([1, 1, 1, 'بازنشانی رمز']);
  });

  it('gives totals, a zero-filled series and one article alone', async () => {
    const r = (await getArticleReport(sqliteReportReads(t.db), { ...base, locale: 'en', from: '2026-03-01', interval: 'day' }, catalog));
    // en views: reset-password 4 + billing-faq 1; contacts after read 2 of 5 sessions
    expect([r.totals.views, r.totals.sessions, r.totals.contactsAfterRead]).toEqual([5, 5, 2]);
    expect(r.siteContactRate).toBe(0.4);
    expect(r.series.map((p) => [p.period, p.views])).toEqual([['2026-03-01', 0], ['2026-03-02', 3], ['2026-03-03', 2]]);
    const one = (await getArticleReport(sqliteReportReads(t.db), { ...base, locale: 'en', article: 'reset-password' }, catalog));
    expect(one.articles.map((a) => a.slug)).toEqual(['reset-password']);
    // 2 March: p1, p2 by A -> views 2, visitors 1; 3 March: p4 (B), p5 (A) -> 2, 2
    expect(one.series.map((p) => [p.views, p.visitors])).toEqual([[2, 1], [2, 2]]);
  });

  it('shows contact and helpful rates 28 days before and after each edit', async () => {
    const [change] = (await row('reset-password', { locale: 'en' })).changes;
    // edit 5 March: before = 5 Feb..4 Mar: 4 sessions, 1 contact, votes 1 yes 1 no; after = 6 Mar..2 Apr: S5, 1 yes
    expect(change).toEqual({
      date: '2026-03-05',
      before: { contactRate: 0.25, helpfulRate: 0.5, sessions: 4, votes: 2 },
      after: { contactRate: 0, helpfulRate: 1, sessions: 1, votes: 1 },
      // under 20 sessions (and 20 votes) on a side: too few to call the change either way
      significant: null,
      helpfulSignificant: null,
    });
  });

  it('flags an article with no views and lists it', async () => {
    const empty = (await row('empty-article'));
    expect(empty.views).toBe(0);
    expect(empty.flags).toEqual(['no_traffic']);
  });
});

describe('article flags (SPEC 7.1 thresholds)', () => {
  const fig = (over: Partial<ReturnType<typeof zeroSums>>, median: number | null = null) => articleFigures({ ...zeroSums(), views: 100, ...over }, median);

  it('flags unhelpful below a 0.5 helpful rate with at least 10 votes', () => {
    expect(articleFlags(fig({ helpfulYes: 4, helpfulNo: 6 }), null, null)).toContain('unhelpful'); // 0.4, 10 votes
    expect(articleFlags(fig({ helpfulYes: 5, helpfulNo: 5 }), null, null)).not.toContain('unhelpful'); // exactly 0.5
    expect(articleFlags(fig({ helpfulYes: 1, helpfulNo: 8 }), null, null)).not.toContain('unhelpful'); // 9 votes
  });

  it('flags drives_contacts above 1.5 x the site rate with at least 20 sessions', () => {
    // site 0.2 -> threshold 0.3: 7/20 = 0.35 flags, 6/20 = 0.30 does not, 7/19 has too few sessions
    expect(articleFlags(fig({ sessions: 20, contactsAfterRead: 7 }), 0.2, null)).toContain('drives_contacts');
    expect(articleFlags(fig({ sessions: 20, contactsAfterRead: 6 }), 0.2, null)).not.toContain('drives_contacts');
    expect(articleFlags(fig({ sessions: 19, contactsAfterRead: 7 }), 0.2, null)).not.toContain('drives_contacts');
  });

  it('flags skimmed when the median read is under a quarter of the expected time with at least 20 views', () => {
    // expected 300 s -> under 75 s
    expect(articleFlags(fig({ views: 20 }, 74), null, 300)).toContain('skimmed');
    expect(articleFlags(fig({ views: 20 }, 75), null, 300)).not.toContain('skimmed');
    expect(articleFlags(fig({ views: 19 }, 10), null, 300)).not.toContain('skimmed');
  });
});
