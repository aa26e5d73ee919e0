/** `kb migrate`: create or bring the database up to the newest schema. */
import { Command } from 'commander';
import { loadConfig } from '../../env.ts';
import { openMigratedDb } from '../../../db/migrate.ts';

export function migrateCommand() {
  return new Command('migrate').description('Create the database or apply new migrations (KB_DB).').action(() => {
    const config = loadConfig();
    openMigratedDb(config.dbFile).$client.close();
    console.log(`Database ${config.dbFile} is up to date.`);
  });
}
