/** `kb migrate`: create or bring the database up to the newest schema; `--rebuild-rollups` replays the events. */
import { Command } from 'commander';
import { loadConfig } from '../../api/env.ts';
import { openMigratedDb } from '../../db/sqlite/migrate.ts';
import { ensureRollups, rebuildRollups } from '../../db/reports/rollups/rebuild.ts';
import { rebuildTicketRollups } from '../../db/reports/rollups/tickets.ts';

export function migrateCommand() {
  return new Command('migrate')
    .description('Create the database or apply new migrations (KB_DB).')
    .option('--rebuild-rollups', 'rebuild the report rollups from the raw events (in KB_TZ)')
    .action((opts: { rebuildRollups?: boolean }) => {
      const config = loadConfig();
      const db = openMigratedDb(config.dbFile);
      try {
        if (opts.rebuildRollups) {
          const n = rebuildRollups(db, config);
          rebuildTicketRollups(db, config.timeZone);
          console.log(`Rebuilt the report rollups from ${n} events and the tickets in ${config.timeZone}.`);
        } else if (ensureRollups(db, config)) {
          console.log(`Rebuilt the report rollups for time zone ${config.timeZone}.`);
        }
      } finally {
        db.$client.close();
      }
      console.log(`Database ${config.dbFile} is up to date.`);
    });
}
