import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getGapsReport } from '../../db/reports/getGapsReport.ts';
import { sqliteReportReads } from '../../db/reports/report-reads.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { catalog } from './catalog-fixture.ts';
import { addTickets, eventStore, type EventInput } from './store.ts';

let t: TempDb;
const filters = { from: '2026-06-01', to: '2026-06-30', interval: 'month' as const, timeZone: 'UTC' };

beforeAll(async () => {
  t = tempDb();
  const { add } = eventStore(t);
  const en = { locale: 'en' };
  const batch: EventInput[] = [];
  let s = 0;
  // reset-password: 12 sessions, votes 3 yes / 9 no, no contacts -> unhelpful (0.25 with 12 votes)
  for (let i = 0; i < 12; i++) {
    s++;
    batch.push({ type: 'view', at: '2026-06-02 09:00', session: s, pv: `r${i}`, article: 'reset-password', ...en });
    batch.push({ type: 'vote', at: '2026-06-02 09:01', session: s, pv: `r${i}`, article: 'reset-password', helpful: i < 3, ...en });
  }
  // billing-faq: 20 sessions, 10 contact after reading -> 0.5 against a site rate of 10/32 -> drives_contacts
  for (let i = 0; i < 20; i++) {
    s++;
    batch.push({ type: 'view', at: '2026-06-03 09:00', session: s, pv: `b${i}`, article: 'billing-faq', ...en });
    if (i < 10) batch.push({ type: 'contact', at: '2026-06-03 09:05', session: s, via: 'cta', ...en });
  }
  // zero-result queries: refund ×4, cancel ×2; "invoice copy" found but 3 of 3 sessions then contact
  for (const [q, n, results, contact] of [['refund', 4, 0, false], ['cancel', 2, 0, false], ['invoice copy', 3, 2, true]] as const) {
    for (let i = 0; i < n; i++) {
      s++;
      batch.push({ type: 'search', at: '2026-06-04 10:00', session: s, query: q, results, ...en });
      if (contact) batch.push({ type: 'contact', at: '2026-06-04 10:03', session: s, via: 'cta', ...en });
    }
  }
  await add(...batch);
  // account topic: 12 login tickets for 12 views (1 per ticket); billing: 2 tickets for 20 views.
  // Site: 32 views / 14 tickets = 2.29 per ticket; account is under half of that -> a topic gap.
  addTickets(t, [
    ...Array.from({ length: 12 }, () => ({ created: '2026-06-05 10:00', tags: ['login'] })),
    ...Array.from({ length: 2 }, () => ({ created: '2026-06-05 10:00', type: 'billing' })),
  ]);
});
afterAll(() => t.cleanup());

describe('content gaps queue (SPEC 7.2a)', () => {
  it('lists every kind of gap, biggest first, each with its reason and size', async () => {
    const r = (await getGapsReport(sqliteReportReads(t.db), filters, catalog));
    expect(r.gaps.map((g) => [g.kind, g.key, g.size, g.unit])).toEqual([
      ['topic', 'account', 12, 'tickets'],
      ['drives_contacts', 'billing-faq', 10, 'sessions'],
      ['unhelpful', 'reset-password', 9, 'votes'],
      ['zero_result_query', 'refund', 4, 'searches'],
      ['contact_query', 'invoice copy', 3, 'sessions'],
      ['zero_result_query', 'cancel', 2, 'searches'],
    ]);
    expect(r.gaps[1]!.reason).toBe('50% of its readers contact support, against 31% site-wide.');
    expect(r.gaps[2]!.reason).toContain('9 of 12 voters found it unhelpful');
    expect(r.totals).toEqual({ gaps: 6, zeroResultSearches: 6, contactsAfterRead: 10, tickets: 14 });
    expect(r.series).toEqual([{ period: '2026-06-01', zeroResultSearches: 6, contactsAfterRead: 10, tickets: 14 }]);
  });
});
