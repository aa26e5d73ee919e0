/** GET /api/health: liveness and whether the database answers. */
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

export const health = new Hono<AppEnv>().get('/', (c) => {
  const row = c.var.deps.db.$client.prepare('select 1 as ok').get() as { ok: number };
  return c.json({ status: row.ok === 1 ? 'ok' : 'degraded' });
});
