/** A fresh migrated SQLite file in a temp folder per test file: real database, no shared state. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMigratedDb } from '../../db/sqlite/migrate.ts';
import type { Db } from '../../db/sqlite/client.ts';
import { loadConfig } from '../../api/env.ts';
import type { Config } from '../../db/shared/config.ts';

export interface TempDb {
  db: Db;
  dir: string;
  file: string;
  config: Config;
  cleanup(): void;
}

/** Creates a migrated database in a new temp folder, with a config pointing at it. */
export function tempDb(env: Record<string, string> = {}): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'kb-test-'));
  const file = join(dir, 'kb.sqlite');
  const db = openMigratedDb(file);
  const config = loadConfig({ KB_DB: file, ...env });
  return {
    db,
    dir,
    file,
    config,
    cleanup() {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
