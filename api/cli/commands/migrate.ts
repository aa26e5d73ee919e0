/** `kb migrate`: create or bring the database up to the newest schema; `--rebuild-rollups` replays the events. */
import { Command } from 'commander';
import { loadConfig } from '../../env.ts';
import { openMigratedDb } from '../../../db/migrate.ts';
import { ensureRollups, rebuildRollups } from '../../../db/rollups/rebuild.ts';
import { rebuildTicketRollups } from '../../../db/rollups/tickets.ts';
import { describeUrl } from '../../../db/pg/client.ts';
import { openPgDatabase } from '../../../db/pg/open.ts';
import { rebuildAllPgRollups } from '../../../db/pg/rollups/rebuild-all.ts';
import type { Config } from '../../env.ts';

/** On PostgreSQL: migrations under the nodes' lock; a rebuild also makes KB_TZ the database's zone. */
async function migratePostgres(config: Config & { databaseUrl: string }, rebuild: boolean) {
  const db = await openPgDatabase(config, { anyTimeZone: rebuild });
  try {
    if (rebuild) {
      const n = await rebuildAllPgRollups(db, config.timeZone);
      console.log(`Rebuilt the report rollups from ${n} events and the tickets in ${config.timeZone} (now the zone every node must use).`);
    }
  } finally {
    await db.$client.end();
  }
  console.log(`Database ${describeUrl(config.databaseUrl)} is up to date.`);
}

export function migrateCommand() {
  return new Command('migrate')
    .description('Create the database or apply new migrations (KB_DB, or KB_DATABASE_URL for PostgreSQL).')
    .option('--rebuild-rollups', 'rebuild the report rollups from the raw events (in KB_TZ)')
    .action(async (opts: { rebuildRollups?: boolean }) => {
      const config = loadConfig();
      if (config.databaseUrl) return migratePostgres({ ...config, databaseUrl: config.databaseUrl }, opts.rebuildRollups === true);
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
