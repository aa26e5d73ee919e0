/**
 * Applies event rollups on PostgreSQL from rollup_queue (docs/scale-out.md): one transaction takes queued event
 * ids with DELETE ... RETURNING, counts those events, and commits both together, under a cluster-wide advisory
 * lock so one applier runs at a time. A late commit is never skipped (its queue row is still there), and no event
 * is counted twice (its row leaves the queue in the transaction that counts it).
 */
import { applyEventsTo, type StoredEvent } from '../../reports/rollups/events.ts';
import { localDayFn } from '../../reports/rollups/local-day.ts';
import type { PgDb, Sql } from '../client.ts';
import { LOCK } from '../locks.ts';
import { MemoryRollups } from './memory-rollups.ts';
import { PgReadSeconds } from './read-seconds.ts';

/** The events columns as the rollups take them (StoredEvent). */
export const STORED_EVENT_COLUMNS = `id, ts, type, visitor, session_id AS "sessionId", pv, path, article, locale, seconds, scroll, helpful,
  query, query_norm AS "queryNorm", results, position, comment, referrer_host AS "referrerHost", via,
  attributed_article AS "attributedArticle", clicked`;

/** Counts `rows` (in id order) into the rollups inside the caller's transaction. */
export async function applyEvents(tx: Sql, rows: readonly StoredEvent[], timeZone: string): Promise<void> {
  if (rows.length === 0) return;
  const mem = new MemoryRollups();
  const dayOf = localDayFn(timeZone);
  await mem.load(tx, rows, dayOf);
  const readSeconds = new PgReadSeconds();
  applyEventsTo({ ...mem.statements(), readSeconds }, rows, timeZone);
  await mem.save(tx);
  await readSeconds.flush(tx);
}

export interface ChunkOptions {
  /** Most events per transaction. */
  limit: number;
  /** Wait for the lock (reports) instead of leaving the turn to the node that holds it (the background timer). */
  wait: boolean;
  /** Only queued ids up to this one (a report drains what was committed when it started, not what comes after). */
  upTo?: number;
}

/** Applies one chunk; returns how many events it counted, or -1 when another applier held the lock. */
export async function applyRollupChunk(db: PgDb, timeZone: string, { limit, wait, upTo }: ChunkOptions): Promise<number> {
  return db.$client.begin(async (txn) => {
    const tx = txn as unknown as Sql;
    if (wait) await tx`SELECT pg_advisory_xact_lock(${LOCK.rollups})`;
    else {
      const [{ ok }] = await tx<[{ ok: boolean }]>`SELECT pg_try_advisory_xact_lock(${LOCK.rollups}) AS ok`;
      if (!ok) return -1;
    }
    // The queue rows leave and their events come back in one statement (one snapshot: a visible queue row's event
    // committed with it, so it is visible too).
    const rows = await tx.unsafe<StoredEvent[]>(
      `WITH taken AS (
         DELETE FROM rollup_queue WHERE event_id IN (SELECT event_id FROM rollup_queue WHERE event_id <= $1 ORDER BY event_id LIMIT $2)
         RETURNING event_id)
       SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE id IN (SELECT event_id FROM taken) ORDER BY id`,
      [upTo ?? Number.MAX_SAFE_INTEGER, limit] as never[],
      // Planned for each chunk, not prepared: a generic plan made while the tables were small would scan them whole.
      { prepare: false },
    );
    if (rows.length === 0) return 0;
    await applyEvents(tx, rows, timeZone);
    return rows.length;
  }) as Promise<number>;
}

/**
 * Counts every event committed before the call (what a report must include, SPEC 7): drains queued ids up to the
 * largest one visible now. Events committed later may have smaller ids, but they were not acknowledged before the
 * report was asked, and the next drain takes them.
 */
export async function settlePgRollups(db: PgDb, timeZone: string, limit = 5000): Promise<number> {
  const [{ max }] = await db.$client<[{ max: number | null }]>`SELECT max(event_id) AS max FROM rollup_queue`;
  if (max === null) return 0;
  let total = 0;
  for (;;) {
    const n = await applyRollupChunk(db, timeZone, { limit, wait: true, upTo: max });
    if (n <= 0) return total;
    total += n;
  }
}
