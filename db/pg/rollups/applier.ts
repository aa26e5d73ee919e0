/**
 * Applies event rollups on PostgreSQL from rollup_batches (docs/scale-out.md): one transaction takes queued batches
 * with DELETE ... RETURNING, counts their events, and commits both together, under a cluster-wide advisory lock so
 * one applier runs at a time. A late commit is never skipped (its queue row is still there), and no event is
 * counted twice (its batch leaves the queue in the transaction that counts it).
 */
import { applyEventsTo, type StoredEvent } from '../../reports/rollups/events.ts';
import { localDayFn } from '../../reports/rollups/local-day.ts';
import { unprepared, type PgDb, type Sql } from '../client.ts';
import { LOCK } from '../locks.ts';
import { ROLLUPS_BUILT, type KnownVisitors, type VisitorMember } from './known-visitors.ts';
import { MemoryRollups } from './memory-rollups.ts';
import { PgReadSeconds } from './read-seconds.ts';
import { int8s } from '../arrays.ts';
import { eventFromValues, STORED_EVENT_COLUMNS } from '../event-rows.ts';

/**
 * Counts `rows` (in id order) into the rollups inside the caller's transaction; returns the visitor-set members
 * they touched. With `known` (whose mark the caller checked in this transaction), known members are not sent.
 */
export async function applyEvents(tx: Sql, rows: readonly StoredEvent[], timeZone: string, known?: KnownVisitors): Promise<VisitorMember[]> {
  if (rows.length === 0) return [];
  const mem = new MemoryRollups();
  const dayOf = localDayFn(timeZone);
  await mem.load(tx, rows, dayOf, known);
  const readSeconds = new PgReadSeconds();
  applyEventsTo({ ...mem.statements(), readSeconds }, rows, timeZone);
  await mem.save(tx);
  await readSeconds.flush(tx);
  return mem.members;
}

/**
 * Every chunk that counts events rewrites this rollup_state row. A rebuild rewrites it too once it holds the applier
 * lock: its snapshot was taken before it waited for that lock, so a chunk that committed in between makes that write
 * fail as a serialization failure, and the rebuild starts again instead of emptying what that chunk counted
 * (db/pg/rollups/rebuild.ts).
 */
export const stampApplied = (tx: Sql) => tx`
  INSERT INTO rollup_state (key, value) VALUES ('applied', txid_current()::text)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value`;

/** A new mark for rollup_state whenever rollups are emptied or replaced (rebuild, kb copy): nodes' caches drop. */
export const markRollupsBuilt = (tx: Sql) => tx`
  INSERT INTO rollup_state (key, value) VALUES (${ROLLUPS_BUILT}, gen_random_uuid()::text)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value`;

export interface ChunkOptions {
  /** Most events per transaction (a chunk takes whole batches: one batch larger than this is taken alone). */
  limit: number;
  /** Wait for the lock (reports) instead of leaving the turn to the node that holds it (the background timer). */
  wait: boolean;
  /** Only batches up to this first id (a report drains what was committed when it started, not what comes after). */
  upTo?: number;
  /** This node's cache of visitor-set members known committed (known-visitors.ts). */
  known?: KnownVisitors;
}

/** Applies one chunk; returns how many events it counted, or -1 when another applier held the lock. */
export async function applyRollupChunk(db: PgDb, timeZone: string, { limit, wait, upTo, known }: ChunkOptions): Promise<number> {
  let learnt: { mark: string | null; members: VisitorMember[] } | undefined;
  const applied = await db.$client.begin(async (txn) => {
    const tx = txn as unknown as Sql;
    if (wait) await tx`SELECT pg_advisory_xact_lock(${LOCK.rollups})`;
    else {
      const [{ ok }] = await tx<[{ ok: boolean }]>`SELECT pg_try_advisory_xact_lock(${LOCK.rollups}) AS ok`;
      if (!ok) return -1;
    }
    // Planned for each chunk, not prepared: a generic plan made while the queue was empty could scan it whole.
    const taking = unprepared<QueuedBatch[]>(tx, TAKE_BATCHES, [upTo ?? Number.MAX_SAFE_INTEGER, limit]).execute();
    // Read under the lock, so no rebuild can come between it and this chunk's commit (sent with the take: one trip).
    const marking = known ? tx<[{ value: string }?]>`SELECT value FROM rollup_state WHERE key = ${ROLLUPS_BUILT}`.execute() : undefined;
    const [taken, marks] = await Promise.all([taking, marking]);
    if (taken.length === 0) return 0;
    const stamped = stampApplied(tx).execute(); // pipelined ahead of the chunk's reads: no round trip of its own
    const mark = marks?.[0]?.value ?? null;
    known?.use(mark);
    const rows = await batchEvents(tx, taken);
    learnt = { mark, members: await applyEvents(tx, rows, timeZone, known) };
    await stamped;
    return rows.length;
  }) as number;
  // Committed: every member the chunk touched is in the tables now.
  if (known && learnt) known.learn(learnt.mark, learnt.members);
  return applied;
}

/** A queued batch as TAKE_BATCHES returns it: `events` is the JSON text its writer sent, or null (queued before 0007). */
interface QueuedBatch {
  ids: number[];
  events: string | null;
}

/**
 * The smallest queued batches whose events add up to about `limit` ($2): each batch whose predecessors hold fewer
 * than $2 events (so at least one, however large). Looks at most $2 batches (each holds one event or more).
 */
const TAKE_BATCHES = `
  DELETE FROM rollup_batches WHERE first_id IN (
    SELECT first_id FROM (
      SELECT first_id, sum(size) OVER (ORDER BY first_id) - size AS before
      FROM (SELECT first_id, size FROM rollup_batches WHERE first_id <= $1 ORDER BY first_id LIMIT $2) s) w
    WHERE before < $2)
  RETURNING ids, events`;

/**
 * The taken batches' events in id order: decoded from the text each batch's writer sent (what PostgreSQL stored is
 * what that text decodes to; nothing but `clicked`, which the rollups do not read, changes after insert), and read
 * from the table for batches queued without it.
 */
async function batchEvents(tx: Sql, batches: readonly QueuedBatch[]): Promise<StoredEvent[]> {
  const rows: StoredEvent[] = [];
  const missing: number[] = [];
  for (const batch of batches) {
    if (batch.events === null) missing.push(...batch.ids);
    else for (const values of JSON.parse(batch.events) as unknown[][]) rows.push(eventFromValues(values));
  }
  if (missing.length > 0) {
    rows.push(...await unprepared<StoredEvent[]>(tx, `SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE id = ANY($1::int8[])`, [int8s(tx, missing)]));
  }
  return rows.sort((a, b) => a.id - b.id);
}

/**
 * Counts every event committed before the call (what a report must include, SPEC 7): drains queued batches up to
 * the largest first id visible now. Batches committed later may have smaller ids, but they were not acknowledged
 * before the report was asked, and the next drain takes them.
 */
export async function settlePgRollups(db: PgDb, timeZone: string, limit = 5000, known?: KnownVisitors): Promise<number> {
  const [{ max }] = await db.$client<[{ max: number | null }]>`SELECT max(first_id) AS max FROM rollup_batches`;
  if (max === null) return 0;
  let total = 0;
  for (;;) {
    const n = await applyRollupChunk(db, timeZone, { limit, wait: true, upTo: max, known });
    if (n <= 0) return total;
    total += n;
  }
}
