/** What every route can reach through c.var.deps: built once in createApp, never global. */
import type { Config } from './env.ts';
import type { Db } from '../db/client.ts';
import type { Ingest } from '../db/ingest/writer.ts';
import type { Catalog } from '../db/catalog.ts';
import type { Outbox } from './contact/outbox.ts';
import type { SearchService } from '../site/lib/search/service.ts';
import type { Sessions } from './auth/sessions.ts';
import type { AuthThrottle } from './auth/throttle.ts';

export interface Deps {
  db: Db;
  config: Config;
  /** The admin token every non-public route is checked against (api/auth/token.ts). */
  adminToken: string;
  /** Dashboard sessions (api/auth/sessions.ts), signed with KB_SECRET. */
  sessions: Sessions;
  /** Failed logins and Bearer tokens per client address, shared by the API and the login page. */
  throttle: AuthThrottle;
  /** KB_SECRET or the database's own: signs sessions and contact form tokens. */
  secret: string;
  /** The group-commit writer behind POST /api/events. */
  ingest: Ingest;
  /** The article catalog for reports (titles, categories, words, edits), read once from content/. */
  catalog?: () => Promise<Catalog>;
  /** The contact outbox, woken when a request is stored; absent in tests that build the app alone. */
  outbox?: Outbox;
  /** Article search per locale (GET /api/search); absent in tests of other routes. */
  search?: SearchService;
}

export interface AppEnv {
  Variables: { deps: Deps };
}
