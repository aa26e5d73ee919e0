/** What every route can reach through c.var.deps: built once in createApp, never global. */
import type { Config } from './env.ts';
import type { Db } from '../db/client.ts';
import type { Catalog } from '../db/catalog.ts';
import type { Ingest } from '../db/ingest/writer.ts';

export interface Deps {
  db: Db;
  config: Config;
  /** The admin token every non-public route is checked against (api/auth/token.ts). */
  adminToken: string;
  /** The article catalog for reports (titles, categories, words, edits), read once from content/. */
  catalog?: () => Promise<Catalog>;
  /** The group-commit writer behind POST /api/events. */
  ingest: Ingest;
}

export interface AppEnv {
  Variables: { deps: Deps };
}
