/**
 * One import at a time per database, and a way to tell a live import from a dead one: the importer holds an OS
 * file lock (db/sqlite/file-lock.ts) on a small file in the database's temp folder for as long as it writes. The
 * kernel drops the lock the moment the process dies (kill -9 included), so "the lock is free" proves that no
 * import is writing, with no process ids or heartbeats to second-guess. Imports are serialised because an undo
 * journal is only sound if no other import changed the same tickets in between.
 */
import { join } from 'node:path';
import { tryLockFile, type FileLock } from '../sqlite/file-lock.ts';

export type ImportLock = FileLock;

/** The lock file of a database file (in its temp folder, which start-up cleaning leaves alone). */
export const lockFileOf = (dbFile: string) => join(`${dbFile}.tmp`, 'import.lock');

/** Takes the lock if it is free; undefined when a live import holds it. */
export function tryImportLock(dbFile: string): ImportLock | undefined {
  return tryLockFile(lockFileOf(dbFile));
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
