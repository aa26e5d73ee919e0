/** `kb backup <file>`: a consistent copy of the database, taken while the server keeps running. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../../api/env.ts';
import { openStore } from '../../db/open-store.ts';

export function backupCommand() {
  return new Command('backup')
    .description('Write a consistent copy of the database (SQLite online backup; safe while the server runs).')
    .argument('<file>', 'where to write the copy')
    .option('--force', 'overwrite the file if it exists')
    .action(async (file: string, opts: { force?: boolean }) => {
      const config = loadConfig();
      const target = resolve(file);
      if (existsSync(target) && !opts.force) throw new Error(`${target} exists; pass --force to overwrite it.`);
      // A backup copies the database as it is: no migration, and no new file when KB_DB points nowhere.
      const store = await openStore(config, { migrate: false, mustExist: true });
      try {
        await store.admin.backup(target);
      } finally {
        await store.admin.close();
      }
      console.log(`Backed up ${store.describe} to ${target}.`);
    });
}
