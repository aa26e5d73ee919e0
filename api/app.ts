/** createApp({ db, config, ... }) builds the Hono app for everything under /api; it never listens. */
import { Hono } from 'hono';
import type { AppEnv, Deps } from './context.ts';
import { onError, onNotFound } from './errors.ts';
import { health } from './routes/health.ts';
import { createEventsRoute } from './routes/events.ts';
import { createIngest } from '../db/ingest/writer.ts';
import { search } from './routes/search.ts';

/** `ingest` defaults to a writer on `db`; the runtime passes its own so close() can flush it. */
export function createApp(given: Omit<Deps, 'ingest'> & { ingest?: Deps['ingest'] }) {
  const deps: Deps = { ...given, ingest: given.ingest ?? createIngest(given.db, given.config) };
  const app = new Hono<AppEnv>().basePath('/api');
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.route('/health', health);
  app.route('/events', createEventsRoute(deps.config));
  app.route('/search', search);
  app.onError(onError);
  app.notFound(onNotFound);
  return app;
}

export type App = ReturnType<typeof createApp>;
