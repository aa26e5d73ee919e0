/** What every route can reach through c.var.deps: built once in createApp, never global. */
import type { Config } from './env.ts';
import type { Db } from '../db/client.ts';
import type { Ingest } from '../db/ingest/writer.ts';
import type { SearchService } from '../site/lib/search/service.ts';

export interface Deps {
  db: Db;
  config: Config;
  /** The admin token every non-public route is checked against (api/auth/token.ts). */
  adminToken: string;
  /** The group-commit writer behind POST /api/events. */
  ingest: Ingest;
  /** Article search per locale (GET /api/search); absent in tests of other routes. */
  search?: SearchService;
}

export interface AppEnv {
  Variables: { deps: Deps };
}
