/** createApp({ db, config, ... }) builds the Hono app for everything under /api; it never listens. */
import { Hono } from 'hono';
import type { AppEnv, Deps } from './context.ts';
import { onError, onNotFound } from './errors.ts';
import { health } from './admin/health.ts';
import { createEventsRoute } from './tracking/route.ts';
import { createIngest } from '../db/tracking/writer.ts';
import { reports } from './reports/route.ts';
import { contact } from './contact/route.ts';
import { search } from './search/route.ts';
import { tickets } from './tickets/route.ts';

/** `ingest` defaults to a writer on `db`; the runtime passes its own so close() can flush it. */
export function createApp(given: Omit<Deps, 'ingest'> & { ingest?: Deps['ingest'] }) {
  const deps: Deps = { ...given, ingest: given.ingest ?? createIngest(given.db, given.config) };
  const app = new Hono<AppEnv>().basePath('/api');
  app.use((c, next) => {
    c.set('deps', deps);
    return next();
  });
  app.route('/health', health);
  app.route('/events', createEventsRoute(deps.config));
  app.route('/reports', reports);
  app.route('/contact', contact);
  app.route('/search', search);
  app.route('/tickets', tickets);
  app.onError(onError);
  app.notFound(onNotFound);
  return app;
}

export type App = ReturnType<typeof createApp>;
