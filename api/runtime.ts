/** Everything one running instance holds: config, store and the Hono app; shared by the server and Astro pages. */
import { fileURLToPath } from 'node:url';
import { createApp, type App } from './app.ts';
import type { Config } from '../db/shared/config.ts';
import type { Catalog } from '../db/shared/catalog.ts';
import type { Store } from '../db/store.ts';
import { openStore } from '../db/open-store.ts';
import { ensureAdminToken, type AdminToken } from './admin/token.ts';
import { loadSearchDir, type SearchService } from './search/service.ts';
import { catalogSource } from './content/read-catalog.ts';
import { createOutbox, type Outbox } from './contact/delivery.ts';
import { catalogTitles } from './contact/titles.ts';
import { ensureSecret } from './admin/secret.ts';
import { createSessions, type Sessions } from './admin/sessions.ts';
import { createAuthThrottle, type AuthThrottle } from './admin/throttle.ts';
import { watchInterruptedImports } from './tickets/recovery-watch.ts';
import { prepareTempDir } from '../db/shared/temp-files.ts';
import { startDigestSchedule, type DigestSchedule } from './digest/schedule.ts';

const contentDir = fileURLToPath(new URL('../content', import.meta.url));

export interface Runtime {
  config: Config;
  /** All storage (db/store.ts); also used without HTTP, e.g. by the demo generator. */
  store: Store;
  app: App;
  admin: AdminToken;
  /** Dashboard sessions, shared by the API and the pages. */
  sessions: Sessions;
  /** Failed logins and Bearer tokens per client address, shared by the API and the login page. */
  throttle: AuthThrottle;
  /** KB_SECRET or the database's own (signs sessions and contact form tokens). */
  secret: string;
  /** The article catalog reports join events with, loaded from content/ on first use. */
  catalog: () => Promise<Catalog>;
  /** Delivers stored contact requests (api/contact/delivery.ts). */
  outbox: Outbox;
  /** The lunr indexes of every locale, loaded once from the build (dist/search). */
  search: SearchService;
  /** KB_DIGEST_SCHEDULE=weekly: sends the weekly digest once per week (api/digest/schedule.ts); absent otherwise. */
  digest: DigestSchedule | undefined;
  /** Releases what the runtime holds (stops the digest and the outbox, flushes pending writes, closes the store). */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Search to use instead of the built indexes (the dev server builds its own from the content). */
  search?: SearchService;
  /** Take over the data folder's `admin-token` from before each database had its own (not for the demo). */
  adoptLegacyToken?: boolean;
}

/** Opens (creating and migrating) the store and builds the app around it. */
export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const search = options.search ?? loadSearchDir(fileURLToPath(new URL('../dist/search', import.meta.url)));
  // What a crash left behind (an upload, an import's staging file) goes now; files of a live import stay.
  prepareTempDir(config.tempDir);
  const store = await openStore(config, { checkpointer: true });
  const admin = ensureAdminToken(config, { adoptLegacy: options.adoptLegacyToken ?? true });
  const secret = ensureSecret(config);
  const sessions = createSessions(store, { adminToken: admin.token, secret });
  await sessions.sweep();
  const throttle = createAuthThrottle(store, secret);
  const imports = watchInterruptedImports(store);
  await store.admin.ensureRollups();
  // Starts ingest now, so events a crash left stored but not rolled up are applied before the first request.
  await store.tracking.flush();
  const catalog = catalogSource(contentDir);
  const outbox = createOutbox({ store, config, titles: catalogTitles(catalog) });
  const app = createApp({ store, config, adminToken: admin.token, secret, sessions, throttle, catalog, outbox, search });
  const digest = config.digestSchedule === 'weekly' ? startDigestSchedule({ store, config, catalog }) : undefined;
  return {
    config,
    store,
    app,
    admin,
    sessions,
    throttle,
    secret,
    catalog,
    outbox,
    search,
    digest,
    async close() {
      await digest?.stop();
      await outbox.close();
      await imports.stop();
      await store.admin.close();
    },
  };
}
