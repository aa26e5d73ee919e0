/** openStore(config): the storage adapter the config asks for, behind the one storage interface (db/store.ts). */
import type { Config } from './shared/config.ts';
import type { Store } from './store.ts';
import { openSqliteStore, type OpenSqliteOptions } from './sqlite/store.ts';
import { openPgStore } from './pg/store.ts';

export interface OpenStoreOptions extends OpenSqliteOptions {
  /** PostgreSQL: open even when KB_TZ differs from the database's zone (`kb migrate --rebuild-rollups` moves it). */
  anyTimeZone?: boolean;
}

/** PostgreSQL when KB_DATABASE_URL is set (several nodes, docs/scale-out.md), else SQLite on config.dbFile (KB_DB). */
export async function openStore(config: Config, options: OpenStoreOptions = {}): Promise<Store> {
  if (config.databaseUrl) return openPgStore({ ...config, databaseUrl: config.databaseUrl }, options);
  return openSqliteStore(config, options);
}

/** Taken by `npm start` before it opens the store: one server per SQLite file (SPEC 9). */
export { lockForServer, type ServerLock } from './sqlite/server-lock.ts';
/** `kb copy --to postgres://...`: a SQLite database's whole history into PostgreSQL. */
export { copyToPostgres, type CopyProgress } from './pg/copy.ts';
