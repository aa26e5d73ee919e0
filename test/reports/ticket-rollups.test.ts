import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ensureTicketRollups, rebuildTicketRollups } from '../../db/rollups/tickets.ts';
import { getTicketReport } from '../../db/queries/getTicketReport.ts';
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
  it('stay equal to a rebuild from the tickets table through inserts, updates, tag changes and deletes', () => {
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
    const r = getTicketReport(t.db, { from: '2026-03-28', to: '2026-03-31', interval: 'day', timeZone: zone, slaFirstResponseMinutes: 240 });
    expect(r.totals.tickets).toBe(2);
    expect(r.tags).toEqual([{ tag: 'login', tickets: 1 }, { tag: 'refund', tickets: 1 }]);
    expect(r.types).toEqual([{ type: 'question', tickets: 1 }, { type: 'refund', tickets: 1 }]);
    expect(r.assignees).toEqual([{ assignee: 'ann', solved: 1, csat: 0, csatRated: 1 }]);
    expect(r.totals.phoneQueued).toBe(0);
  });

  it('count a ticket just after local midnight on its local day across the DST change', () => {
    ensureTicketRollups(t.db, zone);
    // 00:30 on Sunday 29 March in Berlin is 23:30 UTC on the 28th; 00:30 on Monday 30 March is 22:30 UTC on the 29th
    addTickets(t, [{ created: '2026-03-29 00:30' }, { created: '2026-03-30 00:30' }]);
    const days = t.db.$client.prepare('SELECT day, tickets FROM ticket_days ORDER BY day').all() as Array<{ day: number; tickets: number }>;
    expect(days.map((d) => new Date(d.day * 86_400_000).toISOString().slice(0, 10))).toEqual(['2026-03-29', '2026-03-30']);
  });
});
