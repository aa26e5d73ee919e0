/**
 * Makes an import all or nothing across a crash without one long transaction. The import writes in short chunk
 * transactions (a server sharing the file keeps committing events between them) and, in the same transaction as
 * each change, keeps what it needs to undo it: the tickets it updated, as they were (ticket_import_undo), and, for
 * the tickets it added, only the largest id before it started (ids only grow). Its `imports` row says `running`
 * until one short transaction marks it `ok`. A `running` import whose lock is free belongs to a dead process: the
 * next process to open the database (or the running server, within a second) undoes it, chunk by chunk, and marks
 * it `interrupted`. Until then the tickets show part of it; once undone they are exactly as before.
 */
import type { ImportRecord } from '../shared/imports.ts';
import type { Db } from '../sqlite/client.ts';
import { STAGED_COLUMNS } from './staging.ts';
import { tryImportLock } from './import-lock.ts';

/** The columns an update changes, in the order their old values are kept in ticket_import_undo.row. */
export const UNDO_COLUMNS = [...STAGED_COLUMNS.filter((c) => c !== 'external_id'), 'imported_at'];
const q = (c: string) => `"${c}"`;
/** Rows restored or removed per transaction when undoing. */
const UNDO_CHUNK = 2000;

export interface RunningImport {
  source: string;
  fileName: string;
  profile: string;
  /** Who ran it (`cli:<user>@<host>`, `dashboard`, `api`), for the history. */
  ranBy: string | null;
  startedAt: number;
}

/** Records an import that is about to write; returns its id. */
export function startImport(db: Db, run: RunningImport): number {
  const client = db.$client;
  return client.transaction(() => {
    const firstTicketId = client.prepare("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'tickets'), 0)").pluck().get() as number;
    return Number(
      client
        .prepare(
          `INSERT INTO imports (source, file_name, profile, status, rows, imported, updated, unchanged, skipped, errors, ran_by, first_ticket_id, started_at, finished_at)
           VALUES (?, ?, ?, 'running', 0, 0, 0, 0, 0, 0, ?, ?, ?, ?)`,
        )
        .run(run.source, run.fileName, run.profile, run.ranBy, firstTicketId, run.startedAt, run.startedAt).lastInsertRowid,
    );
  }).immediate();
}

/**
 * The statement a chunk runs, before it updates, to keep the old state of the tickets listed in `changedTable`
 * (a temp table of ids). Bound: import id.
 */
export function captureSql(changedTable: string): string {
  return `INSERT OR IGNORE INTO main.ticket_import_undo (import_id, ticket_id, row, tags)
    SELECT ?, t.id, json_array(${UNDO_COLUMNS.map((c) => `t.${q(c)}`).join(', ')}),
      (SELECT json_group_array(tag) FROM (SELECT tag FROM main.ticket_tags WHERE ticket_id = t.id ORDER BY tag))
    FROM main.tickets t WHERE t.id IN (SELECT id FROM ${changedTable})`;
}

/** What the commit point writes: the history's counts (ImportRecord), as `ok` or `failed`. */
export type FinishedImport = Pick<
  ImportRecord,
  'rows' | 'imported' | 'updated' | 'unchanged' | 'skipped' | 'errors' | 'errorSample' | 'finishedAt'
> & { status: 'ok' | 'failed' };

/**
 * The commit point: one short transaction marks the import done. Its undo rows are then of no more use: the caller
 * drops them with dropUndoRows (a crash before that leaves them to the next recovery).
 */
export function finishImport(db: Db, importId: number, f: FinishedImport): void {
  db.$client
    .prepare(
      `UPDATE imports SET status = ?, rows = ?, imported = ?, updated = ?, unchanged = ?, skipped = ?, errors = ?, error_sample = ?, finished_at = ?
       WHERE id = ?`,
    )
    .run(f.status, f.rows, f.imported, f.updated, f.unchanged, f.skipped, f.errors, f.errorSample ? JSON.stringify(f.errorSample) : null, f.finishedAt, importId);
}

/** Deletes an import's undo rows a chunk per transaction (yields after each). */
export function* dropUndoRows(db: Db, importId: number): Generator<void> {
  const drop = db.$client.prepare(
    'DELETE FROM ticket_import_undo WHERE import_id = ? AND ticket_id IN (SELECT ticket_id FROM ticket_import_undo WHERE import_id = ? LIMIT ?)',
  );
  while (drop.run(importId, importId, UNDO_CHUNK).changes > 0) yield;
}

/**
 * Undoes what an import wrote, a chunk per transaction, yielding after each: restores the tickets it updated
 * (fields and tags), deletes the ones it added, then marks it `status`. Safe to stop and start again anywhere.
 */
export function* undoImport(db: Db, importId: number, status: 'interrupted' | 'failed'): Generator<void> {
  const client = db.$client;
  const firstTicketId = client.prepare('SELECT first_ticket_id FROM imports WHERE id = ?').pluck().get(importId) as number | null;
  const batch = 'SELECT ticket_id FROM ticket_import_undo WHERE import_id = @id ORDER BY ticket_id LIMIT @limit';
  const restore = client.prepare(
    `UPDATE tickets SET (${UNDO_COLUMNS.map(q).join(', ')}) = (
       SELECT ${UNDO_COLUMNS.map((_, i) => `json_extract(u.row, '$[${i}]')`).join(', ')}
       FROM ticket_import_undo u WHERE u.import_id = @id AND u.ticket_id = tickets.id)
     WHERE id IN (${batch})`,
  );
  const dropTags = client.prepare(`DELETE FROM ticket_tags WHERE ticket_id IN (${batch})`);
  const putTags = client.prepare(
    `INSERT OR IGNORE INTO ticket_tags (ticket_id, tag)
     SELECT u.ticket_id, j.value FROM (SELECT ticket_id, tags FROM ticket_import_undo WHERE import_id = @id ORDER BY ticket_id LIMIT @limit) u, json_each(u.tags) j`,
  );
  const forget = client.prepare(`DELETE FROM ticket_import_undo WHERE import_id = @id AND ticket_id IN (${batch})`);
  const params = { id: importId, limit: UNDO_CHUNK };
  const restoreChunk = client.transaction(() => {
    restore.run(params);
    dropTags.run(params);
    putTags.run(params);
    return forget.run(params).changes;
  });
  // IMMEDIATE, as the import's own chunks (db/tickets/write-staged.ts): a server may be committing events meanwhile.
  while (restoreChunk.immediate() > 0) yield;
  if (firstTicketId !== null) {
    const dropAdded = client.prepare('DELETE FROM tickets WHERE id IN (SELECT id FROM tickets WHERE id > ? ORDER BY id DESC LIMIT ?)');
    while (dropAdded.run(firstTicketId, UNDO_CHUNK).changes > 0) yield;
  }
  client.prepare('UPDATE imports SET status = ?, imported = 0, updated = 0, finished_at = ? WHERE id = ?').run(status, Date.now(), importId);
}

/** Imports marked running, oldest first. */
const runningImports = (db: Db) => db.$client.prepare("SELECT id FROM imports WHERE status = 'running' ORDER BY id").pluck().all() as number[];

/** True when an import is marked running or left undo rows: two cheap lookups, the usual answer is no. */
const somethingToRecover = (db: Db) =>
  db.$client.prepare("SELECT EXISTS (SELECT 1 FROM imports WHERE status = 'running') OR EXISTS (SELECT 1 FROM ticket_import_undo)").pluck().get() === 1;

/** Clears undo rows that a crash between an import's commit point and its clean-up left behind. */
function* dropStaleUndoRows(db: Db): Generator<void> {
  const stale = db.$client.prepare("SELECT DISTINCT u.import_id FROM ticket_import_undo u JOIN imports i ON i.id = u.import_id AND i.status != 'running'").pluck().all() as number[];
  for (const id of stale) yield* dropUndoRows(db, id);
}

/**
 * Undoes every import a dead process left `running` (its lock is free), synchronously: for start-up, before anything
 * else reads the tickets. Returns how many it undid. A live import (lock held) is left alone.
 */
export function recoverInterruptedImports(db: Db): number {
  if (!somethingToRecover(db)) return 0;
  const lock = tryImportLock(db.$client.name);
  if (!lock) return 0;
  try {
    return undoDead(db, (steps) => {
      for (const _ of steps);
    });
  } finally {
    lock.release();
  }
}

/** The same for a running server: yields to the event loop between chunks, so events are still answered meanwhile. */
export async function recoverInterruptedImportsAsync(db: Db): Promise<number> {
  if (!somethingToRecover(db)) return 0;
  const lock = tryImportLock(db.$client.name);
  if (!lock) return 0;
  try {
    const pending: Generator<void>[] = [];
    const count = undoDead(db, (steps) => pending.push(steps));
    for (const steps of pending) for (const _ of steps) await new Promise((resolve) => setImmediate(resolve));
    return count;
  } finally {
    lock.release();
  }
}

function undoDead(db: Db, drive: (steps: Generator<void>) => void): number {
  const dead = runningImports(db);
  for (const id of dead) drive(undoImport(db, id, 'interrupted'));
  drive(dropStaleUndoRows(db));
  return dead.length;
}

/** Called by importFile while it holds the lock: anything left running before it is dead. */
export function undoLeftovers(db: Db): void {
  for (const id of runningImports(db)) for (const _ of undoImport(db, id, 'interrupted'));
  for (const _ of dropStaleUndoRows(db));
}
