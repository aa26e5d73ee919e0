/** `kb migrate`: create or bring the database up to the newest schema; `--rebuild-rollups` replays the events. */
import { Command } from 'commander';
import { loadConfig } from '../../api/env.ts';
import { openStore } from '../../db/open-store.ts';

export function migrateCommand() {
  return new Command('migrate')
    .description('Create the database or apply new migrations (KB_DB, or KB_DATABASE_URL for PostgreSQL).')
    .option('--rebuild-rollups', 'rebuild the report rollups from the raw events (in KB_TZ)')
    .action(async (opts: { rebuildRollups?: boolean }) => {
      const config = loadConfig();
      const store = await openStore(config, { anyTimeZone: opts.rebuildRollups === true });
      try {
        if (opts.rebuildRollups) {
          const n = await store.admin.rebuildRollups();
          console.log(`Rebuilt the report rollups from ${n} events and the tickets in ${config.timeZone}.`);
        } else if (await store.admin.ensureRollups()) {
          console.log(`Rebuilt the report rollups for time zone ${config.timeZone}.`);
        }
      } finally {
        await store.admin.close();
      }
      console.log(`Database ${store.describe} is up to date.`);
    });
}
