/** createApp({ store, config, ... }) builds the Hono app for everything under /api; it never listens. */
import { Hono } from 'hono';
import type { AppEnv, Deps } from './context.ts';
import { onError, onNotFound } from './errors.ts';
import { health } from './admin/health.ts';
import { createEventsRoute } from './tracking/route.ts';
import { reports } from './reports/route.ts';
import { contact } from './contact/route.ts';
import { search } from './search/route.ts';
import { tickets } from './tickets/route.ts';

/** The app over one store; whoever made the store closes it (the runtime, a test, a benchmark). */
export function createApp(deps: Deps) {
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
