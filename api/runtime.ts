/** Everything one running instance holds: config, database and the Hono app; shared by the server and Astro pages. */
import { createApp, type App } from './app.ts';
import type { Config } from './env.ts';
import { openMigratedDb } from '../db/migrate.ts';
import type { Db } from '../db/client.ts';
import { createIngest, type Ingest } from '../db/ingest/writer.ts';
import { startCheckpointer } from '../db/checkpointer.ts';
import { ensureAdminToken, type AdminToken } from './auth/token.ts';
import { fileURLToPath } from 'node:url';
import { loadSearchDir, type SearchService } from '../site/lib/search/service.ts';

export interface Runtime {
  config: Config;
  db: Db;
  app: App;
  admin: AdminToken;
  /** The events writer (group commit); also used without HTTP, e.g. by the demo generator. */
  ingest: Ingest;
  /** The lunr indexes of every locale, loaded once from the build (dist/search). */
  search: SearchService;
  /** Releases what the runtime holds (flushes pending writes, closes the database). */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Search to use instead of the built indexes (the dev server builds its own from the content). */
  search?: SearchService;
}

/** Opens and migrates the database and builds the app around it. */
export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const search = options.search ?? loadSearchDir(fileURLToPath(new URL('../dist/search', import.meta.url)));
  const db = openMigratedDb(config.dbFile);
  const admin = ensureAdminToken(config);
  const checkpointer = startCheckpointer(db, config.dbFile);
  const ingest = createIngest(db, config);
  const app = createApp({ db, config, adminToken: admin.token, ingest, search });
  return {
    config,
    db,
    app,
    admin,
    ingest,
    search,
    async close() {
      await ingest.close();
      await checkpointer.stop();
      db.$client.close();
    },
  };
}
