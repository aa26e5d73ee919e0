/** createApp({ db, config }) builds the Hono app for everything under /api; it never listens. */
import { Hono } from 'hono';
import type { AppEnv, Deps } from './context.ts';
import { onError, onNotFound } from './errors.ts';
import { health } from './routes/health.ts';
import { tickets } from './routes/tickets.ts';

export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>().basePath('/api');
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.route('/health', health);
  app.route('/tickets', tickets);
  app.onError(onError);
  app.notFound(onNotFound);
  return app;
}

export type App = ReturnType<typeof createApp>;
