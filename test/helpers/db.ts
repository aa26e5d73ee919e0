/** A fresh migrated SQLite file in a temp folder per test file: real database, no shared state. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMigratedDb } from '../../db/sqlite/migrate.ts';
import { openDb, type Db } from '../../db/sqlite/client.ts';
import { sqliteStore } from '../../db/sqlite/store.ts';
import type { Store } from '../../db/store.ts';
import { loadConfig } from '../../api/env.ts';
import type { Config } from '../../db/shared/config.ts';

export interface TempDb {
  db: Db;
  /** The SQLite store over `db`, as the app and the CLI hold it; made on first use. */
  readonly store: Store;
  dir: string;
  file: string;
  config: Config;
  cleanup(): void;
}

/** KB_SECRET of every test database unless a test sets its own (contact form tokens are signed with it). */
export const TEST_SECRET = 'test-secret-0123456789-0123456789-abcdef';

/** Creates a migrated database in a new temp folder, with a config pointing at it. */
export function tempDb(env: Record<string, string> = {}): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'kb-test-'));
  const file = join(dir, 'kb.sqlite');
  const db = openMigratedDb(file);
  const config = loadConfig({ KB_DB: file, KB_SECRET: TEST_SECRET, ...env });
  let store: Store | undefined;
  return {
    db,
    get store() {
      return (store ??= sqliteStore(db, config));
    },
    dir,
    file,
    config,
    cleanup() {
      if (db.$client.open) db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const peeks = new Map<string, Db>();

/**
 * A connection of the test's own to a running instance's SQLite file, to look at (or arrange) what is stored:
 * the instance itself holds only its Store. One per file, closed when the test process ends.
 */
export function dbOf(kb: { config: Pick<Config, 'dbFile'> }): Db {
  let db = peeks.get(kb.config.dbFile);
  if (!db?.$client.open) {
    db = openDb(kb.config.dbFile);
    peeks.set(kb.config.dbFile, db);
  }
  return db;
}
