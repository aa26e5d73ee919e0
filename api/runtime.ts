/** Everything one running instance holds: config, database and the Hono app; shared by the server and Astro pages. */
import { fileURLToPath } from 'node:url';
import { createApp, type App } from './app.ts';
import type { Config } from '../db/shared/config.ts';
import { openMigratedDb } from '../db/sqlite/migrate.ts';
import type { Db } from '../db/sqlite/client.ts';
import { createIngest, type Ingest } from '../db/tracking/writer.ts';
import { startCheckpointer } from '../db/sqlite/checkpointer.ts';
import { ensureAdminToken, type AdminToken } from './admin/token.ts';
import { loadSearchDir, type SearchService } from './search/service.ts';
import type { Catalog } from '../db/shared/catalog.ts';
import { catalogSource } from './content/read-catalog.ts';
import { ensureRollups } from '../db/reports/rollups/rebuild.ts';
import { createOutbox, type Outbox } from './contact/delivery.ts';
import { catalogTitles } from './contact/titles.ts';
import { startDigestSchedule, type DigestSchedule } from './digest/schedule.ts';

const contentDir = fileURLToPath(new URL('../content', import.meta.url));

export interface Runtime {
  config: Config;
  db: Db;
  app: App;
  admin: AdminToken;
  /** The events writer (group commit); also used without HTTP, e.g. by the demo generator. */
  ingest: Ingest;
  /** The article catalog reports join events with, loaded from content/ on first use. */
  catalog: () => Promise<Catalog>;
  /** Delivers stored contact requests (api/contact/delivery.ts). */
  outbox: Outbox;
  /** The lunr indexes of every locale, loaded once from the build (dist/search). */
  search: SearchService;
  /** KB_DIGEST_SCHEDULE=weekly: sends the weekly digest once per week (api/digest/schedule.ts); absent otherwise. */
  digest: DigestSchedule | undefined;
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
  ensureRollups(db, config);
  const checkpointer = startCheckpointer(db, config.dbFile);
  const ingest = createIngest(db, config);
  const catalog = catalogSource(contentDir);
  const outbox = createOutbox({ db, config, titles: catalogTitles(catalog) });
  const app = createApp({ db, config, adminToken: admin.token, ingest, catalog, outbox, search });
  const digest = config.digestSchedule === 'weekly' ? startDigestSchedule({ db, config, catalog }) : undefined;
  return {
    config,
    db,
    app,
    admin,
    ingest,
    catalog,
    outbox,
    search,
    digest,
    async close() {
      await digest?.stop();
      await outbox.close();
      await ingest.close();
      await checkpointer.stop();
      db.$client.close();
    },
  };
}
