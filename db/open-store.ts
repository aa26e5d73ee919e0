/** openStore(config): the storage adapter the config asks for, behind the one storage interface (db/store.ts). */
import type { Config } from './shared/config.ts';
import type { Store } from './store.ts';
import { openSqliteStore, type OpenSqliteOptions } from './sqlite/store.ts';

export type OpenStoreOptions = OpenSqliteOptions;

/** Today one adapter: SQLite on config.dbFile (KB_DB). Another adapter is chosen here from its own setting. */
export async function openStore(config: Config, options: OpenStoreOptions = {}): Promise<Store> {
  return openSqliteStore(config, options);
}
