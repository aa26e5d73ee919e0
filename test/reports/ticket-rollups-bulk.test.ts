import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ensureTicketRollups, rebuildTicketRollups } from '../../db/reports/rollups/tickets.ts';
import { getTicketReport } from '../../db/reports/getTicketReport.ts';
import { sqliteReportReads } from '../../db/reports/report-reads.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { importWith, REAL } from '../helpers/import.ts';

const zone = 'Europe/Berlin';
let t: TempDb;
beforeEach(() => {
  t = tempDb({ KB_TZ: zone });
});
afterEach(() => t.cleanup());

const ROLLUPS = ['ticket_days', 'ticket_day_dims', 'ticket_day_requesters'];
const snapshot = () =>
  ROLLUPS.map((tb) => (t.db.$client.prepare(`SELECT * FROM ${tb} WHERE tickets != 0`).all() as object[]).map((r) => JSON.stringify(r)).sort());
const triggers = () =>
  (t.db.$client.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kb_ticket%'").get() as { n: number }).n;

describe('a large import into a database whose ticket rollups are live', () => {
  it('leaves the rollups equal to a rebuild and the triggers back in place', async () => {
    ensureTicketRollups(t.db, zone); // a report has run: the rollups are live (tickets, tags, requesters' previous days)
    expect(triggers()).toBe(7);
    // 20,768 incidents: over the bulk threshold, so the triggers are suspended and the rollups rebuilt once.
    const r = await importWith(t.db, join(REAL, 'tickets/servicenow_incidents_final_state.csv'), 'servicenow');
    expect(r.imported).toBe(20_768);
    expect(triggers()).toBe(7);
    const after = snapshot();
    rebuildTicketRollups(t.db, zone);
    expect(snapshot()).toEqual(after);
    const report = (await getTicketReport(sqliteReportReads(t.db), { from: '2016-02-01', to: '2016-06-30', interval: 'month', timeZone: zone, slaFirstResponseMinutes: 240 }));
    expect(report.totals.tickets).toBe(20_768);
  });

  it('is repaired by the next report when the rollups were left suspended', async () => {
    ensureTicketRollups(t.db, zone);
    // What a crash in the middle of a bulk import leaves: the rollups marked suspended, tickets written meanwhile.
    t.db.$client.prepare("UPDATE rollup_state SET value = '' WHERE key = 'ticketTimeZone'").run();
    await importWith(t.db, join(REAL, 'tickets/servicenow_incidents_final_state.csv'), 'servicenow');
    ensureTicketRollups(t.db, zone);
    expect(t.db.$client.prepare("SELECT value FROM rollup_state WHERE key = 'ticketTimeZone'").pluck().get()).toBe(zone);
    expect(triggers()).toBe(7);
    const repaired = snapshot();
    rebuildTicketRollups(t.db, zone);
    expect(snapshot()).toEqual(repaired);
    expect(repaired[0]!.length).toBeGreaterThan(0);
  });
});
