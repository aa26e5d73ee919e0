/** The ticket rollup triggers and their index come from committed migrations, and older databases upgrade to them. */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDb } from '../../db/sqlite/migrate.ts';
import { openDb } from '../../db/sqlite/client.ts';
import { ensureTicketRollups, rebuildTicketRollups, ticketTriggerSql, TICKET_TRIGGER_NAMES } from '../../db/reports/rollups/tickets.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { addTickets } from './store.ts';

const zone = 'Europe/Berlin';
let t: TempDb;
beforeEach(() => {
  t = tempDb({ KB_TZ: zone });
});
afterEach(() => t.cleanup());

const migrations = fileURLToPath(new URL('../../db/migrations/', import.meta.url));

/** Takes `t` back to a database only the first `count` migrations made, as an older release left it. */
function onlyFirstMigrations(count: number): void {
  const journal = JSON.parse(readFileSync(join(migrations, 'meta/_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
  const folder = join(t.dir, 'old-migrations');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, count);
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) copyFileSync(join(migrations, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
  t.db.$client.close();
  const file = join(t.dir, 'old.sqlite');
  const db = openDb(file);
  migrate(db, { migrationsFolder: folder });
  const cleanup = t.cleanup;
  t = { ...t, db, file, cleanup: () => (db.$client.close(), cleanup()) } as TempDb;
}

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
    const applied = (t.db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
    // A database of migration 0002's schema with what a report used to add: triggers without the live condition.
    onlyFirstMigrations(3);
    const c = t.db.$client;
    expect((c.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(3);
    c.exec('CREATE INDEX IF NOT EXISTS tickets_created_durations ON tickets (created_at, first_response_at, solved_at)');
    const withoutLiveCondition = (sql: string) =>
      sql.replace(/ WHEN \(SELECT value FROM rollup_state WHERE key = 'ticketTimeZone'\) <> ''/, '').replace(/ AND \(SELECT value FROM rollup_state WHERE key = 'ticketTimeZone'\) <> ''/, '');
    // Today's rollup code writes ticket_day_dims columns a later migration (0008) adds: lend them while it builds the
    // old rollups, then take them back so the migrations add them as they would.
    const lent = ['replies_known', 'fcr'];
    for (const column of lent) c.exec(`ALTER TABLE ticket_day_dims ADD ${column} integer DEFAULT 0 NOT NULL`);
    for (const sql of ticketTriggerSql()) c.exec(withoutLiveCondition(sql));
    rebuildTicketRollups(t.db, zone);
    addTickets(t, [{ created: '2026-03-02 10:00', status: 'solved' }, { created: '2026-03-04 10:00' }]);
    const before = ticketDays();
    for (const name of TICKET_TRIGGER_NAMES) c.exec(`DROP TRIGGER ${name}`);
    for (const column of lent) c.exec(`ALTER TABLE ticket_day_dims DROP COLUMN ${column}`);
    // The triggers such a report made, as 0005 writes them but without the live condition.
    const oldTriggers = readFileSync(join(migrations, '0005_ticket_rollup_triggers.sql'), 'utf8')
      .split('--> statement-breakpoint')
      .map((sql) => sql.trim())
      .filter((sql) => sql.startsWith('CREATE TRIGGER'));
    expect(oldTriggers).toHaveLength(TICKET_TRIGGER_NAMES.length);
    for (const sql of oldTriggers) c.exec(withoutLiveCondition(sql));

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
