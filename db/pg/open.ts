/** What a node does before it serves from PostgreSQL: reach the server, check its version, migrate, agree on KB_TZ. */
import type { Config } from '../shared/config.ts';
import { checkServer, openPg, type PgDb, type PgOptions } from './client.ts';
import { migratePg } from './migrate.ts';
import { checkTimeZone } from './settings.ts';

export interface OpenPgOptions extends PgOptions {
  /** Skip the KB_TZ agreement (`kb migrate --rebuild-rollups` changes the zone on purpose). */
  anyTimeZone?: boolean;
  /** Apply pending migrations (default true; a backup reads the database as it is). */
  migrate?: boolean;
}

/** Opens, checks and migrates the database at config.databaseUrl; each failure is one sentence that says which. */
export async function openPgDatabase(config: Config, options: OpenPgOptions = {}): Promise<PgDb> {
  if (!config.databaseUrl) throw new Error('openPgDatabase needs KB_DATABASE_URL');
  const db = openPg(config.databaseUrl, options);
  try {
    await checkServer(db, config.databaseUrl);
    if (options.migrate ?? true) await migratePg(db);
    if (!options.anyTimeZone) await checkTimeZone(db, config.timeZone);
    return db;
  } catch (err) {
    await db.$client.end({ timeout: 1 });
    throw err;
  }
}
