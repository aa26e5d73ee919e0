/** Applies the committed drizzle-kit migrations; used by start-up, the CLI and tests. */
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { openDb, type Db } from './client.ts';
import { recoverInterruptedImports } from '../tickets/journal.ts';

const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/** Brings the database up to the newest schema. Safe to call on every start. */
export function migrateDb(db: Db): void {
  migrate(db, { migrationsFolder });
}

/**
 * Opens a database file, migrates it, and undoes any import a dead process left half-written (db/import/journal.ts),
 * so whoever opens the database next sees its tickets as they were before that import.
 */
export function openMigratedDb(file: string): Db {
  const db = openDb(file);
  migrateDb(db);
  recoverInterruptedImports(db);
  return db;
}
