/** `kb backup <file>`: a consistent copy of the database, taken while the server keeps running. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../../api/env.ts';
import { openDb } from '../../db/sqlite/client.ts';

export function backupCommand() {
  return new Command('backup')
    .description('Write a consistent copy of the database (SQLite online backup; safe while the server runs).')
    .argument('<file>', 'where to write the copy')
    .option('--force', 'overwrite the file if it exists')
    .action(async (file: string, opts: { force?: boolean }) => {
      const config = loadConfig();
      const target = resolve(file);
      if (!existsSync(config.dbFile)) throw new Error(`No database at ${config.dbFile} (set KB_DB).`);
      if (existsSync(target) && !opts.force) throw new Error(`${target} exists; pass --force to overwrite it.`);
      const db = openDb(config.dbFile);
      try {
        await db.$client.backup(target);
      } finally {
        db.$client.close();
      }
      console.log(`Backed up ${config.dbFile} to ${target}.`);
    });
}
