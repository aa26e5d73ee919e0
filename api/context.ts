/** What every route can reach through c.var.deps: built once in createApp, never global. */
import type { Config } from '../db/shared/config.ts';
import type { Catalog } from '../db/shared/catalog.ts';
import type { Store } from '../db/store.ts';
import type { Outbox } from './contact/delivery.ts';
import type { SearchService } from './search/service.ts';
import type { Sessions } from './admin/sessions.ts';
import type { AuthThrottle } from './admin/throttle.ts';

export interface Deps {
  /** All storage, behind the one storage interface (db/store.ts). */
  store: Store;
  config: Config;
  /** The admin token every non-public route is checked against (api/admin/token.ts). */
  adminToken: string;
  /** KB_SECRET or the database's own: signs sessions and contact form tokens. */
  secret: string;
  /** Dashboard sessions (api/admin/sessions.ts), shared with the pages. */
  sessions: Sessions;
  /** Failed logins and Bearer tokens per client address, shared by the API and the login page. */
  throttle: AuthThrottle;
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
