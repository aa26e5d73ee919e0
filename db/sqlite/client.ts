/** Opens the SQLite file with the pragmas every process of ours uses, and wraps it in Drizzle. */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from '../schema/index.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Opens (creating folders as needed) a database file in WAL mode, readable by its owner only. */
export function openDb(file: string): Db {
  if (file !== ':memory:') makePrivate(file);
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL in WAL mode keeps every commit across a process crash (kill -9); only power loss can drop the last ones.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return drizzle(sqlite, { schema }) as Db;
}

/**
 * The database holds hashed requesters, contact requests and sessions: mode 0600 (SPEC 8). A new file is created
 * empty with that mode, as SQLite then gives its -wal and -shm files the same; older files are narrowed.
 */
function makePrivate(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  if (!existsSync(file)) {
    try {
      closeSync(openSync(file, 'wx', 0o600));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if ((statSync(f).mode & 0o077) !== 0) chmodSync(f, 0o600);
    } catch (err) {
      // Gone meanwhile, or owned by someone else (then not ours to change).
      if (!['ENOENT', 'EPERM'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
    }
  }
}
