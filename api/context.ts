/** What every route can reach through c.var.deps: built once in createApp, never global. */
import type { Config } from './env.ts';
import type { Db } from '../db/client.ts';

export interface Deps {
  db: Db;
  config: Config;
}

export interface AppEnv {
  Variables: { deps: Deps };
}
