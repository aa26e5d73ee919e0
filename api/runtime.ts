/** Everything one running instance holds: config, database and the Hono app; shared by the server and Astro pages. */
import { fileURLToPath } from 'node:url';
import { createApp, type App } from './app.ts';
import type { Config } from './env.ts';
import { openMigratedDb } from '../db/migrate.ts';
import type { Db } from '../db/client.ts';
import { createIngest, type Ingest } from '../db/ingest/writer.ts';
import { startCheckpointer } from '../db/checkpointer.ts';
import { ensureAdminToken, type AdminToken } from './auth/token.ts';
import type { Catalog } from '../db/catalog.ts';
import { catalogSource } from '../db/catalog-load.ts';
import { ensureRollups } from '../db/rollups/rebuild.ts';

const contentDir = fileURLToPath(new URL('../content', import.meta.url));

export interface Runtime {
  config: Config;
  db: Db;
  app: App;
  admin: AdminToken;
  /** The article catalog reports join events with, loaded from content/ on first use. */
  catalog: () => Promise<Catalog>;
  /** The events writer (group commit); also used without HTTP, e.g. by the demo generator. */
  ingest: Ingest;
  /** Releases what the runtime holds (flushes pending writes, closes the database). */
  close(): Promise<void>;
}

/** Opens and migrates the database and builds the app around it. */
export async function createRuntime(config: Config): Promise<Runtime> {
  const db = openMigratedDb(config.dbFile);
  const admin = ensureAdminToken(config);
  ensureRollups(db, config);
  const catalog = catalogSource(contentDir);
  const checkpointer = startCheckpointer(db, config.dbFile);
  const ingest = createIngest(db, config);
  const app = createApp({ db, config, adminToken: admin.token, ingest, catalog });
  return {
    config,
    db,
    app,
    admin,
    catalog,
    ingest,
    async close() {
      await ingest.close();
      await checkpointer.stop();
      db.$client.close();
    },
  };
}
