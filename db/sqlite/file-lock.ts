/**
 * A lock the operating system drops when its process ends, however it ends (kill -9 too): an exclusive SQLite
 * transaction held open on a small side file (fcntl locks underneath). Nothing is written to the file, so nothing
 * is ever left behind to clear by hand, and "the lock is free" proves its last holder is gone. Two connections of
 * one process conflict like two processes do. Used for one server per database and one import at a time.
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export interface FileLock {
  release(): void;
}

// Held here too, so a connection (and with it the OS lock) is never collected while its lock is held.
const held = new Set<Database.Database>();

/** Takes the lock on `file` (made 0600 if missing) if it is free; undefined while another holder has it. */
export function tryLockFile(file: string): FileLock | undefined {
  // A folder made here (a database's temp folder) is private like the rest of its files.
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  // timeout 0: a held lock answers SQLITE_BUSY at once instead of blocking the event loop.
  const lock = new Database(file, { timeout: 0 });
  try {
    lock.pragma('journal_mode = MEMORY'); // nothing is ever written; no journal file to leave behind
    lock.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    lock.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return undefined;
    throw err;
  }
  held.add(lock);
  return {
    release() {
      held.delete(lock);
      if (!lock.open) return;
      lock.exec('ROLLBACK');
      lock.close();
    },
  };
}
