/** The ticket rollup triggers and their index come from committed migrations, and older databases upgrade to them. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDb } from '../../db/sqlite/migrate.ts';
import { ensureTicketRollups, rebuildTicketRollups, ticketTriggerSql, TICKET_TRIGGER_NAMES } from '../../db/reports/rollups/tickets.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { addTickets } from './store.ts';

const zone = 'Europe/Berlin';
let t: TempDb;
beforeEach(() => {
  t = tempDb({ KB_TZ: zone });
});
afterEach(() => t.cleanup());

const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim();
const triggersInDb = () =>
  (t.db.$client.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as Array<{ name: string; sql: string }>).map(
    (r) => ({ name: r.name, sql: oneLine(r.sql) }),
  );
const indexes = () => (t.db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets'").all() as Array<{ name: string }>).map((r) => r.name);
const ticketDays = () => t.db.$client.prepare('SELECT day, tickets, solved FROM ticket_days WHERE tickets != 0 ORDER BY day').all();

describe('ticket rollup schema from migrations', () => {
  it('has every trigger and the durations index before any report runs, written as the rollup code writes them', () => {
    const expected = ticketTriggerSql()
      .map((sql) => ({ name: /CREATE TRIGGER (\w+)/.exec(sql)![1]!, sql: oneLine(sql) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(triggersInDb()).toEqual(expected);
    expect(expected.map((e) => e.name).sort()).toEqual([...TICKET_TRIGGER_NAMES].sort());
    expect(indexes()).toContain('tickets_created_durations');
  });

  it('leaves the rollups alone until a report makes them live, then keeps them exact', () => {
    addTickets(t, [{ created: '2026-03-02 10:00', status: 'solved' }]);
    expect(ticketDays()).toEqual([]);
    ensureTicketRollups(t.db, zone);
    addTickets(t, [{ created: '2026-03-03 10:00' }]);
    const live = ticketDays();
    expect(live).toHaveLength(2);
    rebuildTicketRollups(t.db, zone);
    expect(ticketDays()).toEqual(live);
  });

  it('upgrades a database whose first report made the triggers and the index (before the migrations did)', () => {
    const c = t.db.$client;
    // Back to the schema of migration 0002 with what a report used to add: triggers without the live condition.
    for (const name of TICKET_TRIGGER_NAMES) c.exec(`DROP TRIGGER ${name}`);
    c.exec('DROP INDEX tickets_created_durations');
    const applied = (c.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
    c.prepare('DELETE FROM __drizzle_migrations WHERE created_at > (SELECT created_at FROM __drizzle_migrations ORDER BY created_at LIMIT 1 OFFSET 2)').run();
    expect((c.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(3);
    c.exec('CREATE INDEX IF NOT EXISTS tickets_created_durations ON tickets (created_at, first_response_at, solved_at)');
    for (const sql of ticketTriggerSql()) c.exec(sql.replace(/ WHEN \(SELECT value FROM rollup_state WHERE key = 'ticketTimeZone'\) <> ''/, '').replace(/ AND \(SELECT value FROM rollup_state WHERE key = 'ticketTimeZone'\) <> ''/, ''));
    rebuildTicketRollups(t.db, zone);
    addTickets(t, [{ created: '2026-03-02 10:00', status: 'solved' }, { created: '2026-03-04 10:00' }]);
    const before = ticketDays();
    // Migration 0006 came later than such a database too: take away what it added (its ALTERs cannot run twice), and
    // with it the triggers that read the columns it added (0005 and 0007 make them again).
    for (const name of TICKET_TRIGGER_NAMES) c.exec(`DROP TRIGGER ${name}`);
    c.exec('DROP TABLE digest_sends');
    for (const [table, column] of [['imports', 'error_sample'], ['imports', 'ran_by'], ['ticket_day_dims', 'replies_known'], ['ticket_day_dims', 'fcr']]) {
      c.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
    }

    migrateDb(t.db);

    expect((c.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(applied);
    expect(triggersInDb().map((r) => r.sql)).toEqual(
      ticketTriggerSql().map(oneLine).sort((a, b) => /TRIGGER (\w+)/.exec(a)![1]!.localeCompare(/TRIGGER (\w+)/.exec(b)![1]!)),
    );
    expect(indexes()).toContain('tickets_created_durations');
    expect(ticketDays()).toEqual(before);
    addTickets(t, [{ created: '2026-03-04 12:00', status: 'closed' }]);
    const after = ticketDays();
    rebuildTicketRollups(t.db, zone);
    expect(ticketDays()).toEqual(after);
    expect(after).not.toEqual(before);
  });
});
