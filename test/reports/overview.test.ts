import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOverviewReport } from '../../db/reports/getOverviewReport.ts';
import { sqliteReportReads } from '../../db/reports/report-reads.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { catalog } from './catalog-fixture.ts';
import { addTickets, eventStore } from './store.ts';

let t: TempDb;
const filters = { from: '2026-06-01', to: '2026-06-02', interval: 'day' as const, timeZone: 'UTC' };

beforeAll(async () => {
  t = tempDb();
  const { add } = eventStore(t);
  const en = { locale: 'en' };
  await add(
    // S1 (A): home page, then an article, no contact -> found answer
    { type: 'view', at: '2026-06-01 09:00', session: 1, visitor: 'A', pv: 'h1', path: '/', ...en },
    { type: 'view', at: '2026-06-01 09:01', session: 1, visitor: 'A', pv: 'a1', article: 'reset-password', ...en },
    // S2 (A): a search with no results, nothing read -> failed
    { type: 'search', at: '2026-06-01 13:00', session: 2, visitor: 'A', query: 'refund', results: 0, ...en },
    // S3 (B): reads billing-faq and contacts -> contacted, contact after read
    { type: 'view', at: '2026-06-01 10:00', session: 3, visitor: 'B', pv: 'b1', article: 'billing-faq', ...en },
    { type: 'contact', at: '2026-06-01 10:05', session: 3, visitor: 'B', via: 'cta', ...en },
    // S4 (C): home page then contact -> contacted, nothing to attribute
    { type: 'view', at: '2026-06-02 08:00', session: 4, visitor: 'C', pv: 'h2', path: '/', ...en },
    { type: 'contact', at: '2026-06-02 08:01', session: 4, visitor: 'C', via: 'cta', ...en },
    // S5 (D): reads reset-password -> found answer
    { type: 'view', at: '2026-06-02 09:00', session: 5, visitor: 'D', pv: 'a2', article: 'reset-password', ...en },
  );
  addTickets(t, [
    { created: '2026-06-01 11:00', requester: 'r1', tags: ['login'] },
    { created: '2026-06-01 12:00', requester: 'r2', type: 'billing', tags: ['invoice'] },
    { created: '2026-06-02 11:00', requester: 'r1', type: 'billing' },
    { created: '2026-06-02 12:00', tags: ['other'] },
  ]);
});
afterAll(() => t.cleanup());

describe('overview report (SPEC 7.4)', () => {
  it('puts reads against tickets with the self-service figures', async () => {
    const { totals } = (await getOverviewReport(sqliteReportReads(t.db), filters, catalog));
    expect(totals).toEqual({
      views: 5, // h1, a1, b1, h2, a2
      visitors: 4, // 1 June {A, B}, 2 June {C, D}
      searches: 1,
      contacts: 2,
      contactsAfterRead: 1, // S3 -> billing-faq
      tickets: 4,
      viewsPerTicket: 1.25, // 5 / 4
      requesters: 2, // r1, r2 (one ticket has none)
      selfServiceScore: 2, // 4 visitors / 2 requesters
      sessions: 5,
      selfServiceRate: 0.6, // 1 - 2/5
      foundAnswer: 2, // S1, S5
      failed: 1, // S2
      contacted: 2, // S3, S4
      ticketsAvoided: 2, // = foundAnswer
      costAvoided: null, // KB_COST_PER_TICKET unset
    });
  });

  it('gives the same figures per day', async () => {
    const { series } = (await getOverviewReport(sqliteReportReads(t.db), filters, catalog));
    expect(series.map((p) => [p.period, p.views, p.visitors, p.tickets, p.requesters, p.sessions, p.contacted])).toEqual([
      ['2026-06-01', 3, 2, 2, 2, 3, 1],
      ['2026-06-02', 2, 2, 2, 1, 2, 1],
    ]);
  });

  it('sets each topic\'s article views against the tickets with its tags or types', async () => {
    const { topics } = (await getOverviewReport(sqliteReportReads(t.db), filters, catalog));
    expect(topics).toEqual([
      // reset-password read twice; one ticket tagged login
      { category: 'account', title: 'Account', views: 2, tickets: 1, viewsPerTicket: 2, ticketTags: ['login'], ticketTypes: [] },
      // billing-faq read once; tickets of type billing or tagged invoice: the 2nd (both) and the 3rd -> 2
      { category: 'billing', title: 'Billing', views: 1, tickets: 2, viewsPerTicket: 0.5, ticketTags: ['invoice'], ticketTypes: ['billing'] },
    ]);
  });
});
