/** openStore(config): the storage adapter the config asks for, behind the one storage interface (db/store.ts). */
import type { Config } from './shared/config.ts';
import type { Store } from './store.ts';
import type { OpenSqliteOptions } from './sqlite/store.ts';
import type { CopyProgress, CopyResult } from './pg/copy.ts';

export interface OpenStoreOptions extends OpenSqliteOptions {
  /** PostgreSQL: open even when KB_TZ differs from the database's zone (`kb migrate --rebuild-rollups` moves it). */
  anyTimeZone?: boolean;
}

/**
 * PostgreSQL when KB_DATABASE_URL is set (several nodes, docs/scale-out.md), else SQLite on config.dbFile (KB_DB).
 * Only the adapter asked for is loaded: each pulls in its own Drizzle dialect, some hundreds of modules, which is most
 * of a CLI command's start-up (bench/results/pg.md, import).
 */
export async function openStore(config: Config, options: OpenStoreOptions = {}): Promise<Store> {
  if (config.databaseUrl) return (await import('./pg/store.ts')).openPgStore({ ...config, databaseUrl: config.databaseUrl }, options);
  return (await import('./sqlite/store.ts')).openSqliteStore(config, options);
}

/** Taken by `npm start` before it opens the store: one server per SQLite file (SPEC 9). */
export { lockForServer, type ServerLock } from './sqlite/server-lock.ts';

export type { CopyProgress };

/** `kb copy --to postgres://...`: a SQLite database's whole history into PostgreSQL. */
export async function copyToPostgres(config: Config, url: string, onProgress?: (p: CopyProgress) => void): Promise<CopyResult & { target: string }> {
  return (await import('./pg/copy.ts')).copyToPostgres(config, url, onProgress);
}
