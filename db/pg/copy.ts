/**
 * `kb copy --to postgres://...`: moves a SQLite database's whole history into an empty PostgreSQL database in one
 * transaction (COPY per table, streamed), then rebuilds the rollups there, so every report is equal before and
 * after. Raw tables only: rollups are derived, and rebuilding them proves they follow from what was copied.
 */
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import type Database from 'better-sqlite3';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Config } from '../shared/config.ts';
import { openDb } from '../sqlite/client.ts';
import { migrateDb } from '../sqlite/migrate.ts';
import { lockServer } from '../sqlite/server-lock.ts';
import { describeUrl, type PgDb, type Sql } from './client.ts';
import { openPgDatabase } from './open.ts';
import { LOCK } from './locks.ts';
import { STORED_EVENT_COLUMNS } from './event-rows.ts';
import { applyEvents, markRollupsBuilt } from './rollups/applier.ts';
import { rebuildTicketRollupsIn } from './tickets/rollups.ts';
import * as schema from './schema/index.ts';
import type { StoredEvent } from '../reports/rollups/events.ts';

/** Derived tables, copied as they are only when asked (they follow from the raw rows: a rebuild makes them equal). */
const ROLLUP_TABLES: PgTable[] = [
  schema.pageViews, schema.articleDays, schema.articleReadDays, schema.articleDayVisitors, schema.articleSessions, schema.articleComments,
  schema.siteDays, schema.siteDayVisitors, schema.sessionFacts, schema.queryDays, schema.querySessions, schema.searchClicks,
  schema.tzOffsets, schema.ticketDays, schema.ticketDayDims, schema.ticketDayRequesters,
];

/** The tables that hold history, parents before children (foreign keys). */
const RAW_TABLES: PgTable[] = [
  schema.salts, schema.sessions, schema.events, schema.tickets, schema.ticketTags, schema.imports,
  schema.contactRequests, schema.contactOutbox, schema.contactRejections, schema.usedFormTokens,
];

export interface CopyProgress {
  table: string;
  done: number;
  total: number;
}

export interface CopyResult {
  rows: Record<string, number>;
  events: number;
}

type Kind = 'int' | 'bool' | 'json' | 'bytes' | 'text';

function kindOf(columnType: string, sqlType: string): Kind {
  if (columnType === 'PgBoolean') return 'bool';
  if (columnType === 'PgJsonb' || columnType === 'PgJson') return 'json';
  if (sqlType === 'bytea') return 'bytes';
  if (/Int|Serial/.test(columnType)) return 'int';
  return 'text';
}

/** One value in COPY's text format. */
function field(v: unknown, kind: Kind): string {
  if (v === null || v === undefined) return '\\N';
  if (kind === 'bool') return v ? 't' : 'f';
  if (kind === 'bytes') return `\\\\x${Buffer.from(v as Uint8Array).toString('hex')}`;
  return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

async function copyTable(tx: Sql, lite: Database.Database, table: PgTable, onProgress?: (p: CopyProgress) => void): Promise<number> {
  const { name, columns } = getTableConfig(table);
  // Columns both engines have (PostgreSQL's sessions carry more; they are filled from the events afterwards).
  const liteColumns = new Set((lite.prepare(`SELECT name FROM pragma_table_info('${name}')`).pluck().all() as string[]));
  if (liteColumns.size === 0) return 0; // a SQLite file from before the table existed
  const cols = columns.filter((c) => liteColumns.has(c.name)).map((c) => ({ name: c.name, kind: kindOf(c.columnType, c.getSQLType()) }));
  const total = (lite.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number) ?? 0;
  const writable = await tx.unsafe(`COPY "${name}" (${cols.map((c) => `"${c.name}"`).join(', ')}) FROM STDIN`).writable();
  const rows = lite.prepare(`SELECT ${cols.map((c) => `"${c.name}"`).join(', ')} FROM "${name}" ORDER BY rowid`).raw().iterate() as IterableIterator<unknown[]>;
  let n = 0;
  let chunk = '';
  for (const row of rows) {
    chunk += `${row.map((v, i) => field(v, cols[i]!.kind)).join('\t')}\n`;
    if (++n % 2000 === 0) {
      if (!writable.write(chunk)) await once(writable, 'drain');
      chunk = '';
      onProgress?.({ table: name, done: n, total });
    }
  }
  if (chunk) writable.write(chunk);
  writable.end();
  await once(writable, 'finish');
  onProgress?.({ table: name, done: n, total });
  // Later inserts on PostgreSQL continue after the copied ids.
  if (cols.some((c) => c.name === 'id')) await tx.unsafe(`SELECT setval(pg_get_serial_sequence('"${name}"', 'id'), greatest((SELECT max(id) FROM "${name}"), 1))`);
  return n;
}

/** What ingest reads from a session row on PostgreSQL, filled from the copied events (last view, latest search). */
async function fillSessionState(tx: Sql): Promise<void> {
  await tx.unsafe(`
    UPDATE sessions s SET last_view_article = v.article, last_view_ts = v.ts
    FROM (SELECT DISTINCT ON (session_id) session_id, article, ts FROM events WHERE type = 'view' AND article IS NOT NULL
          ORDER BY session_id, ts DESC, id DESC) v
    WHERE v.session_id = s.id`);
  await tx.unsafe(`
    UPDATE sessions s SET last_search_id = q.id, last_search_ts = q.ts, last_search_clicked = q.clicked
    FROM (SELECT DISTINCT ON (session_id) session_id, id, ts, clicked FROM events WHERE type = 'search'
          ORDER BY session_id, ts DESC, id DESC) q
    WHERE q.session_id = s.id`);
}

/**
 * Copies everything from `lite` (a migrated SQLite database; nothing may write to it meanwhile) into `db` (an
 * empty, migrated PostgreSQL database whose zone is `timeZone`), then rebuilds event and ticket rollups there.
 * One transaction: a failure leaves the target as empty as it was.
 */
export interface CopyOptions {
  /**
   * `rebuild` (kb copy): replay every event into fresh rollups on PostgreSQL. `copy`: take SQLite's rollups as they
   * are, for a source whose rollups are settled and built in `timeZone` (benchmarks use it: 5M events replay slowly).
   */
  rollups?: 'rebuild' | 'copy';
}

export async function copySqliteToPg(
  lite: Database.Database,
  db: PgDb,
  timeZone: string,
  onProgress?: (p: CopyProgress) => void,
  { rollups = 'rebuild' }: CopyOptions = {},
): Promise<CopyResult> {
  return db.$client.begin(async (txn) => {
    const tx = txn as unknown as Sql;
    await tx`SELECT pg_advisory_xact_lock(${LOCK.rollups})`;
    await tx`SELECT pg_advisory_xact_lock(${LOCK.tickets})`;
    const [busy] = await tx`SELECT 1 FROM events UNION ALL SELECT 1 FROM tickets UNION ALL SELECT 1 FROM contact_requests LIMIT 1`;
    if (busy) throw new Error('The PostgreSQL database already holds events, tickets or contact requests; kb copy fills an empty database only.');
    const rows: Record<string, number> = {};
    for (const table of RAW_TABLES) rows[getTableConfig(table).name] = await copyTable(tx, lite, table, onProgress);
    await fillSessionState(tx);
    await tx`DELETE FROM rollup_batches`;
    await markRollupsBuilt(tx);
    if (rollups === 'copy') {
      for (const table of ROLLUP_TABLES) await copyTable(tx, lite, table, onProgress);
      await tx`INSERT INTO rollup_state (key, value) VALUES ('timeZone', ${timeZone}), ('ticketTimeZone', ${timeZone})
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
      return { rows, events: 0 };
    }
    // The rollups, rebuilt from what was copied: event rollups in id order (as SQLite applied them), then tickets.
    let last = 0;
    let events = 0;
    for (;;) {
      const chunk = await tx.unsafe<StoredEvent[]>(`SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE id > $1 ORDER BY id LIMIT 20000`, [last]);
      if (chunk.length === 0) break;
      await applyEvents(tx, chunk, timeZone);
      last = chunk[chunk.length - 1]!.id;
      events += chunk.length;
      onProgress?.({ table: 'rollups', done: events, total: rows.events ?? events });
    }
    await rebuildTicketRollupsIn(tx, timeZone);
    await tx`INSERT INTO rollup_state (key, value) VALUES ('timeZone', ${timeZone}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
    return { rows, events };
  }) as Promise<CopyResult>;
}

/**
 * `kb copy`: the SQLite database of `config` (KB_DB) into the PostgreSQL database at `url`, which is checked and
 * migrated first. Refuses while a server holds the SQLite file: the history must stand still while it is copied.
 */
export async function copyToPostgres(config: Config, url: string, onProgress?: (p: CopyProgress) => void): Promise<CopyResult & { target: string }> {
  if (!existsSync(config.dbFile)) throw new Error(`No SQLite database at ${config.dbFile} (set KB_DB to the file to copy).`);
  let lock;
  try {
    lock = lockServer(config.dbFile);
  } catch {
    throw new Error(`A kb server is running on ${config.dbFile}; stop it first, so nothing is written while the history is copied.`);
  }
  const lite = openDb(config.dbFile);
  try {
    migrateDb(lite);
    const pg = await openPgDatabase({ ...config, databaseUrl: url });
    try {
      const result = await copySqliteToPg(lite.$client, pg, config.timeZone, onProgress);
      // Fresh tables have no statistics and no visibility map: reports would plan blind and read the heap for
      // what an index-only scan answers. Autovacuum would get there; a copy is the moment to do it at once.
      await pg.$client.unsafe('VACUUM (ANALYZE)');
      return { ...result, target: describeUrl(url) };
    } finally {
      await pg.$client.end();
    }
  } finally {
    lite.$client.close();
    lock.release();
  }
}
