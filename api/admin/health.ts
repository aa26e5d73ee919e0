/** GET /api/health: liveness and whether the database answers. */
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

export const health = new Hono<AppEnv>().get('/', async (c) => {
  const ok = await c.var.deps.store.admin.health().catch(() => false);
  return c.json({ status: ok ? 'ok' : 'degraded' });
});
