/** createApp({ store, config, ... }) builds the Hono app for everything under /api; it never listens. */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { createSessions } from './admin/sessions.ts';
import { createAuthThrottle } from './admin/throttle.ts';
import type { AppEnv, Deps } from './context.ts';
import { onError, onNotFound } from './errors.ts';
import { health } from './admin/health.ts';
import { createEventsRoute } from './tracking/route.ts';
import { reports } from './reports/route.ts';
import { contact } from './contact/route.ts';
import { search } from './search/route.ts';
import { tickets } from './tickets/route.ts';
import { popular } from './popular/route.ts';

type Defaulted = 'sessions' | 'throttle' | 'secret';

/**
 * The app over one store; whoever made the store closes it (the runtime, a test, a benchmark). `secret`, `sessions`
 * and `throttle` default to ones made here (a test builds the app alone); the runtime passes its own, shared with
 * the pages, so a login on a page is a session here.
 */
export function createApp(given: Omit<Deps, Defaulted> & Partial<Pick<Deps, Defaulted>>) {
  const secret = given.secret ?? given.config.secret ?? randomBytes(32).toString('base64url');
  const deps: Deps = {
    ...given,
    secret,
    sessions: given.sessions ?? createSessions(given.store, { adminToken: given.adminToken, secret }),
    throttle: given.throttle ?? createAuthThrottle(given.store, secret),
  };
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
  app.route('/popular', popular);
  app.onError(onError);
  app.notFound(onNotFound);
  return app;
}

export type App = ReturnType<typeof createApp>;
