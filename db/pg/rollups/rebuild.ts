/** Rebuilds every event rollup on PostgreSQL from the raw events (kb copy, `kb migrate --rebuild-rollups`). */
import type { StoredEvent } from '../../reports/rollups/events.ts';
import type { PgDb, Sql } from '../client.ts';
import { LOCK } from '../locks.ts';
import { STORED_EVENT_COLUMNS } from '../event-rows.ts';
import { applyEvents, markRollupsBuilt, stampApplied } from './applier.ts';

const TABLES = [
  'page_views', 'article_days', 'article_read_days', 'article_day_visitors', 'article_sessions', 'article_comments',
  'site_days', 'site_day_visitors', 'session_facts', 'query_days', 'query_sessions', 'search_clicks',
];
const CHUNK = 20_000;

/**
 * Empties the rollups and replays every event, in one REPEATABLE READ transaction under the applier's lock: the
 * events it replays and the queue rows it deletes are those of one snapshot, so an event committed meanwhile keeps
 * its queue row and is applied once, afterwards. Records `timeZone` as the database's zone, and a new mark that
 * empties every node's cache of visitor-set members (known-visitors.ts).
 *
 * The snapshot is taken when the lock statement starts, before the wait for the lock: a chunk an applier commits
 * during that wait would be emptied by the TRUNCATE and not replayed (its events are newer than the snapshot, its
 * queue rows already gone). Such a chunk rewrote the `applied` row, so rewriting it here fails with a serialization
 * failure, and the rebuild starts again with a new snapshot.
 */
export async function rebuildPgRollups(db: PgDb, timeZone: string, onProgress?: (done: number, total: number) => void): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await rebuildOnce(db, timeZone, onProgress);
    } catch (err) {
      if ((err as { code?: string }).code !== SERIALIZATION_FAILURE || attempt >= ATTEMPTS) throw err;
    }
  }
}

const SERIALIZATION_FAILURE = '40001';
/** Each attempt loses only to a chunk committed while it waited for the lock; a few are plenty. */
const ATTEMPTS = 20;

async function rebuildOnce(db: PgDb, timeZone: string, onProgress?: (done: number, total: number) => void): Promise<number> {
  return db.$client.begin('isolation level repeatable read', async (txn) => {
    const tx = txn as unknown as Sql;
    await tx`SELECT pg_advisory_xact_lock(${LOCK.rollups})`;
    await stampApplied(tx);
    const [{ total }] = await tx<[{ total: number }]>`SELECT count(*) AS total FROM events`;
    await tx.unsafe(`TRUNCATE ${TABLES.join(', ')}`);
    await tx`DELETE FROM rollup_batches`;
    await markRollupsBuilt(tx);
    let last = 0;
    let done = 0;
    for (;;) {
      const rows = await tx.unsafe<StoredEvent[]>(`SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE id > $1 ORDER BY id LIMIT ${CHUNK}`, [last]);
      if (rows.length === 0) break;
      await applyEvents(tx, rows, timeZone);
      last = rows[rows.length - 1]!.id;
      done += rows.length;
      onProgress?.(done, total);
    }
    await tx`INSERT INTO rollup_state (key, value) VALUES ('timeZone', ${timeZone}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
    return done;
  }) as Promise<number>;
}
