/** `kb backup <file>`: a consistent copy of the database, taken while the server keeps running. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../../env.ts';
import { openDb } from '../../../db/client.ts';
import { describeUrl } from '../../../db/pg/client.ts';
import { backupPg } from '../../../db/pg/backup.ts';

export function backupCommand() {
  return new Command('backup')
    .description('Write a consistent copy of the database while the server runs (SQLite online backup; on PostgreSQL pg_dump, custom format).')
    .argument('<file>', 'where to write the copy')
    .option('--force', 'overwrite the file if it exists')
    .action(async (file: string, opts: { force?: boolean }) => {
      const config = loadConfig();
      const target = resolve(file);
      if (existsSync(target) && !opts.force) throw new Error(`${target} exists; pass --force to overwrite it.`);
      if (config.databaseUrl) {
        await backupPg(config.databaseUrl, target);
        console.log(`Backed up ${describeUrl(config.databaseUrl)} to ${target} with pg_dump (restore with pg_restore).`);
        return;
      }
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
