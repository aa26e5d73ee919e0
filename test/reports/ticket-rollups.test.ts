import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ensureTicketRollups, rebuildTicketRollups } from '../../db/reports/rollups/tickets.ts';
import { getTicketReport } from '../../db/reports/getTicketReport.ts';
import { sqliteReportReads } from '../../db/reports/report-reads.ts';
import { getOverviewReport } from '../../db/reports/getOverviewReport.ts';
import { catalog } from './catalog-fixture.ts';
import { tickets, ticketTags } from '../../db/schema/index.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { addTickets } from './store.ts';

const zone = 'Europe/Berlin';
let t: TempDb;
beforeEach(() => {
  t = tempDb({ KB_TZ: zone });
});
afterEach(() => t.cleanup());

const ROLLUPS = ['ticket_days', 'ticket_day_dims', 'ticket_day_requesters'];
/** Rollup rows with a non-zero count, as sorted JSON lines (a row can drop to zero after a move). */
const snapshot = () =>
  Object.fromEntries(
    ROLLUPS.map((tb) => [tb, (t.db.$client.prepare(`SELECT * FROM ${tb} WHERE tickets != 0`).all() as object[]).map((r) => JSON.stringify(r)).sort()]),
  );
const rebuilt = () => rebuildTicketRollups(t.db, zone);

describe('ticket rollups kept by triggers', () => {
  it('stay equal to a rebuild from the tickets table through inserts, updates, tag changes and deletes', async () => {
    ensureTicketRollups(t.db, zone);
    addTickets(t, [
      { created: '2026-03-28 23:30', channel: 'email', type: 'billing', tags: ['invoice', 'vat'], status: 'solved', assignee: 'ann', csat: 'good', requester: 'r1', replies: 1, firstResponseAfter: 30, solvedAfter: 60 },
      { created: '2026-03-29 03:30', channel: 'phone', waitSeconds: 20, abandoned: true, tags: ['login'], requester: 'r1' },
      { created: '2026-03-30 10:00', channel: 'web', type: 'question', status: 'open', requester: 'r2' },
    ]);
    const [a, b, c] = t.db.select({ id: tickets.id }).from(tickets).all().map((r) => r.id);
    // a re-import moves a ticket to another day and changes its fields; tags are replaced
    t.db.update(tickets).set({ createdAt: Date.UTC(2026, 2, 31, 8), status: 'closed', type: 'refund', csat: '2' }).where(eq(tickets.id, a!)).run();
    t.db.delete(ticketTags).where(eq(ticketTags.ticketId, a!)).run();
    t.db.insert(ticketTags).values([{ ticketId: a!, tag: 'refund' }, { ticketId: c!, tag: 'login' }]).run();
    t.db.delete(tickets).where(eq(tickets.id, b!)).run(); // its tags go by cascade
    const kept = snapshot();
    expect(kept.ticket_days).toHaveLength(2); // 30 and 31 March
    rebuilt();
    expect(snapshot()).toEqual(kept);
    const r = (await getTicketReport(sqliteReportReads(t.db), { from: '2026-03-28', to: '2026-03-31', interval: 'day', timeZone: zone, slaFirstResponseMinutes: 240 }));
    expect(r.totals.tickets).toBe(2);
    expect(r.tags).toEqual([{ tag: 'login', tickets: 1 }, { tag: 'refund', tickets: 1 }]);
    expect(r.types).toEqual([{ type: 'question', tickets: 1 }, { type: 'refund', tickets: 1 }]);
    expect(r.assignees).toMatchObject([{ assignee: 'ann', solved: 1, csat: 0, csatRated: 1 }]);
    expect(r.totals.phoneQueued).toBe(0);
  });

  it('count a ticket just after local midnight on its local day across the DST change', () => {
    ensureTicketRollups(t.db, zone);
    // 00:30 on Sunday 29 March in Berlin is 23:30 UTC on the 28th; 00:30 on Monday 30 March is 22:30 UTC on the 29th
    addTickets(t, [{ created: '2026-03-29 00:30' }, { created: '2026-03-30 00:30' }]);
    const days = t.db.$client.prepare('SELECT day, tickets FROM ticket_days ORDER BY day').all() as Array<{ day: number; tickets: number }>;
    expect(days.map((d) => new Date(d.day * 86_400_000).toISOString().slice(0, 10))).toEqual(['2026-03-29', '2026-03-30']);
  });

  it('count distinct requesters over any range from each row\'s previous day, equal to a rebuild, through inserts out of order, moves and deletes', async () => {
    ensureTicketRollups(t.db, zone);
    addTickets(t, [
      { created: '2026-06-01 09:00', requester: 'r1' },
      { created: '2026-06-03 09:00', requester: 'r1' },
      { created: '2026-06-09 09:00', requester: 'r1' },
      { created: '2026-06-03 10:00', requester: 'r2' },
      { created: '2026-06-03 11:00', requester: 'r2' },
      { created: '2026-06-10 09:00', requester: 'r2' },
      { created: '2026-06-09 10:00', requester: 'r3' },
    ]);
    const ids = t.db.select({ id: tickets.id }).from(tickets).orderBy(tickets.id).all().map((r) => r.id);
    t.db.delete(tickets).where(eq(tickets.id, ids[1]!)).run(); // r1 no longer on 3 June
    addTickets(t, [{ created: '2026-06-02 09:00', requester: 'r1' }]); // r1 on 2 June, stored after 9 June
    t.db.update(tickets).set({ createdAt: Date.UTC(2026, 5, 4, 8) }).where(eq(tickets.id, ids[5]!)).run(); // r2: 10 -> 4 June
    // Now r1: 1, 2, 9 June; r2: 3 (two tickets), 4 June; r3: 9 June.
    const kept = snapshot();
    rebuilt();
    expect(snapshot()).toEqual(kept);
    const requesters = async (from: string, to: string, interval: 'day' | 'week') => {
      const r = (await getOverviewReport(sqliteReportReads(t.db), { from, to, interval, timeZone: zone }, catalog));
      return [r.totals.requesters, r.series.map((p) => p.requesters)];
    };
    // weeks from Monday 1 June: r1, r2 | r1, r3; all three in the fortnight
    expect(await requesters('2026-06-01', '2026-06-14', 'week')).toEqual([3, [2, 2]]);
    // 2..9 June: r1 (2nd and 9th) once, r2 (3rd and 4th) once, r3 -> 3; by day: 2nd r1, 3rd r2, 4th r2, 9th r1 and r3
    expect(await requesters('2026-06-02', '2026-06-09', 'day')).toEqual([3, [1, 1, 1, 0, 0, 0, 0, 2]]);
  });
});
