/**
 * One server per SQLite file (SPEC 9): sessions, salts and rollup caches live in the server's memory, so a second
 * server on the same file would count wrong. The lock is an OS file lock on a small side file (./file-lock.ts)
 * that the kernel drops when the process ends, however it ends (kill -9 too), so nothing is ever left behind to
 * clear by hand. CLI commands do not take it and may share the database.
 */
import { tryLockFile, type FileLock } from './file-lock.ts';

export type ServerLock = FileLock;

/** The side file that carries the lock; kept beside the database so every process finds the same one. */
export const serverLockFile = (dbFile: string) => `${dbFile}-server.lock`;

/** Takes the lock or throws a sentence that says another server has the file and what to do instead. */
export function lockServer(dbFile: string): ServerLock {
  if (dbFile === ':memory:') return { release() {} };
  let lock = tryLockFile(serverLockFile(dbFile));
  // A CLI import probes the lock for a moment (serverIsRunning): busy for 100 ms on end is another server.
  for (let i = 0; !lock && i < 10; i++) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    lock = tryLockFile(serverLockFile(dbFile));
  }
  if (!lock) {
    throw new Error(
      `Another kb server is already running on ${dbFile}. A SQLite database serves one server process; ` +
        'to run several nodes, move to PostgreSQL (set KB_DATABASE_URL on every node; see docs/scale-out.md). ' +
        'CLI commands (kb report, kb import, kb backup) can still use this file while the server runs.',
    );
  }
  return lock;
}

/**
 * True while a server holds the file's lock (from inside that server too: its own lock answers busy). The probe
 * holds the lock for an instant when it is free; lockServer retries for 100 ms, so a server starting then still starts.
 */
export function serverIsRunning(dbFile: string): boolean {
  if (dbFile === ':memory:') return false;
  const probe = tryLockFile(serverLockFile(dbFile));
  probe?.release();
  return probe === undefined;
}

/** The lock a server takes before it opens its store: the file's on SQLite, none on PostgreSQL (several nodes are the point). */
export function lockForServer(config: { dbFile: string; databaseUrl: string | undefined }): ServerLock {
  return config.databaseUrl ? { release() {} } : lockServer(config.dbFile);
}
