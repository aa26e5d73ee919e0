/**
 * Writes staged rows into tickets and ticket_tags with SQL alone (the staging file ATTACHed, INSERT ... SELECT),
 * a short transaction per chunk of rows in file order, so a server sharing the database waits one chunk at most.
 * Same rules as writeRows: insert new (source, id), update a ticket only when a field or its tags differ (tags
 * then replaced), leave the rest alone; the counts come from the same statements.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../sqlite/client.ts';
import { STAGED_COLUMNS } from './staging.ts';
import type { WriteCounts } from './write-rows.ts';
import { captureSql } from './journal.ts';

export interface StagedWriteOptions {
  source: string;
  /** Stamped as imported_at on new and changed tickets. */
  now: number;
  /** Classify and count only. */
  dryRun: boolean;
  /** Staged rows per transaction (the first one's, when targetChunkMs sizes the rest). */
  chunkRows: number;
  /**
   * Size each later transaction to take about this long, whatever it holds: new tickets are cheap, changed ones
   * with live rollup triggers several times dearer; the write lock (and an in-server event loop) is never held
   * much longer than this.
   */
  targetChunkMs?: number;
  /** The running import (db/import/journal.ts) whose undo journal keeps each ticket's state before it changes. */
  importId?: number;
  onChunk?: (done: number) => void;
  /**
   * Leave the database's write lock free this long after each chunk. SQLite hands the lock to whoever asks first
   * after a commit, and a writer kept waiting asks only every 100 ms: without a pause, an import in its own process
   * takes the lock back at once, chunk after chunk, and a server on the same file waits out its busy timeout.
   */
  pauseMs?: number;
}

const q = (c: string) => `"${c}"`;
/** Chunk sizes, when they follow a target time (targetChunkMs), stay between these. */
const MIN_CHUNK_ROWS = 100;
const MAX_CHUNK_ROWS = 20_000;
/** WAL pages between checkpoints while writing (64 MB of 4 KB pages; SQLite's default is 1000). */
const CHECKPOINT_PAGES = 16_384;

// CROSS JOIN fixes the join order and `+` keeps SQLite off the source index: without statistics it would
// otherwise walk every ticket of the source for each chunk (EXPLAIN QUERY PLAN), making a big import quadratic.

function statements(client: Db['$client'], stage: string, changed: string) {
  const settable = STAGED_COLUMNS.filter((c) => c !== 'external_id');
  const differs = settable.map((c) => `t.${q(c)} IS NOT s.${q(c)}`).join(' OR ');
  const inChunk = 's.rowid > ? AND s.rowid <= ?';
  return {
    rowsIn: client.prepare(`SELECT count(*) FROM ${stage}.rows s WHERE ${inChunk}`).pluck(),
    lastRow: client.prepare(`SELECT coalesce(max(rowid), 0) FROM ${stage}.rows`).pluck(),
    maxId: client.prepare('SELECT coalesce(max(id), 0) FROM main.tickets').pluck(),
    // Existing tickets of the chunk that differ, noted before the chunk's new tickets exist.
    classify: client.prepare(
      `INSERT INTO temp.${changed} (id, tags_changed)
       SELECT id, tags_changed FROM (
         SELECT t.id AS id, (${differs}) AS fields_changed,
           (SELECT json_group_array(tag) FROM (SELECT tag FROM main.ticket_tags WHERE ticket_id = t.id ORDER BY tag)) IS NOT s.tags AS tags_changed
         FROM ${stage}.rows s CROSS JOIN main.tickets t ON t.source = ? AND t.external_id = s.external_id
         WHERE ${inChunk})
       WHERE fields_changed OR tags_changed`,
    ),
    countNew: client
      .prepare(
        `SELECT count(*) FROM ${stage}.rows s WHERE ${inChunk}
         AND NOT EXISTS (SELECT 1 FROM main.tickets t WHERE t.source = ? AND t.external_id = s.external_id)`,
      )
      .pluck(),
    insertNew: client.prepare(
      `INSERT INTO main.tickets (source, ${STAGED_COLUMNS.map(q).join(', ')}, imported_at)
       SELECT ?, ${STAGED_COLUMNS.map((c) => `s.${q(c)}`).join(', ')}, ? FROM ${stage}.rows s WHERE ${inChunk} ORDER BY s.rowid
       ON CONFLICT (source, external_id) DO NOTHING`,
    ),
    // New tickets are the ones above the largest id before the chunk (ids only grow: AUTOINCREMENT).
    newTags: client.prepare(
      `INSERT OR IGNORE INTO main.ticket_tags (ticket_id, tag)
       SELECT t.id, j.value FROM main.tickets t CROSS JOIN ${stage}.rows s ON s.external_id = t.external_id CROSS JOIN json_each(s.tags) j
       WHERE t.id > ? AND +t.source = ?`,
    ),
    update: client.prepare(
      `UPDATE main.tickets SET imported_at = ?,
         (${settable.map(q).join(', ')}) = (SELECT ${settable.map((c) => `s.${q(c)}`).join(', ')} FROM ${stage}.rows s WHERE s.external_id = tickets.external_id)
       WHERE id IN (SELECT id FROM temp.${changed})`,
    ),
    dropTags: client.prepare(`DELETE FROM main.ticket_tags WHERE ticket_id IN (SELECT id FROM temp.${changed} WHERE tags_changed)`),
    changedTags: client.prepare(
      `INSERT OR IGNORE INTO main.ticket_tags (ticket_id, tag)
       SELECT c.id, j.value FROM temp.${changed} c CROSS JOIN main.tickets t ON t.id = c.id
         CROSS JOIN ${stage}.rows s ON s.external_id = t.external_id CROSS JOIN json_each(s.tags) j
       WHERE c.tags_changed`,
    ),
    clear: client.prepare(`DELETE FROM temp.${changed}`),
    keepUndo: client.prepare(captureSql(`temp.${changed}`)),
  };
}

/** Writes (or with dryRun only counts) the staged rows of `stagingFile`; returns new, changed and unchanged. */
export async function writeStaged(db: Db, stagingFile: string, opts: StagedWriteOptions): Promise<WriteCounts> {
  const client = db.$client;
  // Unique names: two imports may share one connection (two uploads to one server).
  const tag = randomBytes(4).toString('hex');
  const stage = `kb_stage_${tag}`;
  const changed = `kb_changed_${tag}`;
  client.prepare(`ATTACH DATABASE ? AS ${stage}`).run(stagingFile);
  // Fewer, larger checkpoints while the chunks commit: each one syncs the file, and pages that several chunks
  // touch (the ends of the indexes) are copied once. The WAL is folded back in at the end.
  const autoCheckpoint = client.pragma('wal_autocheckpoint', { simple: true }) as number;
  // 0 means a checkpointer thread owns checkpoints (the server): leave it so, or the import would checkpoint on the
  // event loop. Beside a running server its checkpointer does them too, and they stay out of the import's commits.
  const ownCheckpoints = autoCheckpoint !== 0 && !opts.pauseMs;
  client.pragma(`wal_autocheckpoint = ${ownCheckpoints ? CHECKPOINT_PAGES : 0}`);
  try {
    client.exec(`CREATE TEMP TABLE ${changed} (id INTEGER PRIMARY KEY, tags_changed INTEGER NOT NULL)`);
    const s = statements(client, stage, changed);
    const counts: WriteCounts = { imported: 0, updated: 0, unchanged: 0 };
    const last = s.lastRow.get() as number;
    const { source, now, dryRun } = opts;
    const chunk = (lo: number, hi: number) => {
      const rows = s.rowsIn.get(lo, hi) as number;
      const differ = s.classify.run(source, lo, hi).changes;
      let fresh: number;
      if (dryRun) fresh = s.countNew.get(lo, hi, source) as number;
      else {
        const before = s.maxId.get() as number;
        fresh = s.insertNew.run(source, now, lo, hi).changes;
        if (fresh) s.newTags.run(before, source);
        if (differ) {
          if (opts.importId !== undefined) s.keepUndo.run(opts.importId);
          s.update.run(now);
          s.dropTags.run();
          s.changedTags.run();
        }
      }
      s.clear.run();
      counts.imported += fresh;
      counts.updated += differ;
      counts.unchanged += rows - fresh - differ;
    };
    const inTransaction = client.transaction(chunk);
    let rows = opts.chunkRows;
    for (let lo = 0; lo < last; ) {
      const hi = Math.min(lo + rows, last);
      const started = performance.now();
      if (dryRun) chunk(lo, hi);
      // IMMEDIATE: the write lock is taken first. A deferred transaction reads, then asks to write, and fails at
      // once (SQLITE_BUSY, no retry) when a server sharing the file committed in between: under a stream of events
      // that killed the import (bench/results/hardening.md).
      else inTransaction.immediate(lo, hi);
      const took = performance.now() - started;
      const target = opts.targetChunkMs;
      if (target && !dryRun && hi - lo === rows) {
        // Grow slowly, shrink at once: a chunk that happened to be cheap (rows already as stored) must not make
        // the next one, of dear rows, hold the lock for seconds.
        const next = (rows * target) / Math.max(took, 1);
        rows = Math.round(Math.min(MAX_CHUNK_ROWS, Math.max(MIN_CHUNK_ROWS, Math.min(next, rows * 1.25))));
      }
      lo = hi;
      opts.onChunk?.(counts.imported + counts.updated + counts.unchanged);
      // Let the server answer other requests between chunks when the import runs inside it, and let a server in
      // another process have the write lock.
      await new Promise((resolve) => (opts.pauseMs && !dryRun ? setTimeout(resolve, opts.pauseMs) : setImmediate(resolve)));
    }
    return counts;
  } finally {
    client.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
    client.exec(`DROP TABLE IF EXISTS temp.${changed}`);
    client.exec(`DETACH DATABASE ${stage}`);
    if (!opts.dryRun && ownCheckpoints) client.pragma('wal_checkpoint(PASSIVE)');
  }
}
