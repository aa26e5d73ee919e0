/** Posting tracking events to the real app and reading back what the database stored. */
import { createApp, type App } from '../../api/app.ts';
import { DESKTOP_UA } from './browser.ts';
import { tempDb, type TempDb } from './db.ts';

export interface EventsApp extends TempDb {
  app: App;
  post(body: unknown, opts?: PostOptions): Promise<Response>;
  rows(): StoredRow[];
}

export interface PostOptions {
  ip?: string;
  ua?: string | null;
  contentType?: string;
  /** Send this exact text instead of JSON-encoding `body`. */
  raw?: string;
}

export type StoredRow = Record<string, unknown> & { id: number; type: string };

/** A migrated temp database and the app on it; the proxy is trusted so tests can choose the client address. */
export function eventsApp(env: Record<string, string> = {}): EventsApp {
  const t = tempDb({ KB_TRUST_PROXY: '1', ...env });
  const app = createApp({ store: t.store, config: t.config, adminToken: 'test-admin-token-123456' });
  return {
    ...t,
    app,
    post(body, opts = {}) {
      const headers: Record<string, string> = {
        'content-type': opts.contentType ?? 'application/json',
        'x-forwarded-for': opts.ip ?? '203.0.113.7',
      };
      if (opts.ua !== null) headers['user-agent'] = opts.ua ?? DESKTOP_UA;
      return Promise.resolve(app.request('/api/events', { method: 'POST', headers, body: opts.raw ?? JSON.stringify(body) }));
    },
    rows() {
      return t.db.$client.prepare('SELECT * FROM events ORDER BY id').all() as StoredRow[];
    },
  };
}
