/**
 * Rollups follow the raw events in their own transactions: a watermark row in rollup_state says up to which
 * event id they are applied, and moves in the same transaction as the rollup updates it covers.
 */
import type { Config } from '../../shared/config.ts';
import type { Db } from '../../sqlite/client.ts';
import { applyEventRollups, type StoredEvent } from './events.ts';
import { KnownKeys } from './deferred.ts';
import { ensureReadSeconds } from './read-seconds.ts';

const WATERMARK = 'appliedThrough';

type Sqlite = Db['$client'];

/** Reads stored events after an id, in id order, as the rollups take them. */
export function eventsAfter(client: Sqlite, afterId: number, limit: number): StoredEvent[] {
  const raw = client
    .prepare(
      `SELECT id, ts, type, visitor, session_id AS sessionId, pv, path, article, locale, seconds, scroll, helpful,
              query, query_norm AS queryNorm, results, position, comment, referrer_host AS referrerHost, via,
              attributed_article AS attributedArticle, clicked
       FROM events WHERE id > ? ORDER BY id LIMIT ?`,
    )
    .all(afterId, limit) as Array<Record<string, unknown>>;
  // SQLite hands booleans back as 0/1; the rollups take rows as Drizzle types them.
  return raw.map((r) => ({ ...r, helpful: r.helpful === null ? null : r.helpful === 1, clicked: r.clicked === 1 })) as StoredEvent[];
}

/** The id of the last event the rollups include, or undefined when never recorded. */
export function rollupWatermark(client: Sqlite): number | undefined {
  const row = client.prepare('SELECT value FROM rollup_state WHERE key = ?').get(WATERMARK) as { value: string } | undefined;
  return row ? Number(row.value) : undefined;
}

/** Records the watermark; call inside the transaction that applied the rollups up to `id`. */
export function setRollupWatermark(client: Sqlite, id: number): void {
  client
    .prepare('INSERT INTO rollup_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(WATERMARK, String(id));
}

/**
 * Databases from before the watermark had their rollups updated in each ingest transaction, so every stored
 * event is already counted: start the watermark at the newest event. Call before the first insert.
 */
export function initRollupWatermark(client: Sqlite): void {
  if (rollupWatermark(client) !== undefined) return;
  const row = client.prepare('SELECT max(id) AS id FROM events').get() as { id: number | null };
  setRollupWatermark(client, row.id ?? 0);
}

/**
 * Applies the rollups for up to `limit` events past the watermark in one IMMEDIATE transaction (so two
 * processes can never both apply the same events) and returns how many it applied. `known` (the writer's,
 * kept across calls) is cleared when the transaction fails, since what it learnt was rolled back.
 */
export function catchUpRollups(db: Db, config: Pick<Config, 'timeZone'>, limit = 5000, known = new KnownKeys()): number {
  try {
    ensureReadSeconds(db.$client); // before applying new events to a database upgraded from before the table
    return applyChunk(db, config, limit, known);
  } catch (err) {
    known.clear();
    throw err;
  }
}

function applyChunk(db: Db, config: Pick<Config, 'timeZone'>, limit: number, known: KnownKeys): number {
  const client = db.$client;
  return client
    .transaction(() => {
      const from = rollupWatermark(client);
      if (from === undefined) return 0; // no ingest ever opened this database; nothing to apply
      const rows = eventsAfter(client, from, limit);
      if (rows.length === 0) return 0;
      applyEventRollups(db, rows, config, known);
      setRollupWatermark(client, rows[rows.length - 1]!.id);
      return rows.length;
    })
    .immediate();
}

/** Applies every event past the watermark (e.g. at start-up after a crash, or before a report is read). */
export function catchUpAllRollups(db: Db, config: Pick<Config, 'timeZone'>): number {
  ensureReadSeconds(db.$client);
  // Most reports find nothing to apply: a read answers that without taking the write lock.
  const newest = (db.$client.prepare('SELECT max(id) AS id FROM events').get() as { id: number | null }).id ?? 0;
  if ((rollupWatermark(db.$client) ?? newest) >= newest) return 0;
  let total = 0;
  for (let n = catchUpRollups(db, config); n > 0; n = catchUpRollups(db, config)) total += n;
  return total;
}

/**
 * Called by every report before it reads the rollups, so a report counts every stored event. The rollups'
 * own zone (recorded in rollup_state) decides local days, whatever zone the report is asked in.
 */
export function settleRollups(db: Db, timeZone: string): void {
  const row = db.$client.prepare("SELECT value FROM rollup_state WHERE key = 'timeZone'").get() as { value: string } | undefined;
  catchUpAllRollups(db, { timeZone: row?.value ?? timeZone });
}
