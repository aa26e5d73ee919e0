/**
 * One import at a time per database, and a way to tell a live import from a dead one: the importer holds an
 * exclusive lock on a small SQLite file in the database's temp folder for as long as it writes. The operating
 * system drops the lock the moment the process dies (kill -9 included), so "the lock is free" proves that no
 * import is writing, with no process ids or heartbeats to second-guess. Imports are serialised because an undo
 * journal is only sound if no other import changed the same tickets in between.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createPrivateFile } from '../shared/temp-files.ts';

export interface ImportLock {
  release(): void;
}

/** The lock file of a database file (in its temp folder, which start-up cleaning leaves alone). */
export const lockFileOf = (dbFile: string) => join(`${dbFile}.tmp`, 'import.lock');

/** Takes the lock if it is free; undefined when a live import holds it. */
export function tryImportLock(dbFile: string): ImportLock | undefined {
  const file = lockFileOf(dbFile);
  mkdirSync(`${dbFile}.tmp`, { recursive: true, mode: 0o700 });
  try {
    createPrivateFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  // timeout 0: a held lock answers SQLITE_BUSY at once instead of blocking the event loop.
  const conn = new Database(file, { timeout: 0 });
  try {
    conn.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    conn.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return undefined;
    throw err;
  }
  return {
    release() {
      if (!conn.open) return;
      conn.exec('ROLLBACK');
      conn.close();
    },
  };
}

/** Waits (polling, so the event loop keeps serving) until the lock is free, then takes it. */
export async function acquireImportLock(dbFile: string, onWait?: () => void): Promise<ImportLock> {
  let waited = false;
  for (;;) {
    const lock = tryImportLock(dbFile);
    if (lock) return lock;
    if (!waited) onWait?.();
    waited = true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
