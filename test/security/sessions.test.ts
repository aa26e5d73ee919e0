/**
 * Defect 4: dashboard sessions are real. A random id per login, kept hashed; 12 hours idle and 7 days in all;
 * logout ends it; a new admin token ends them all; the CSRF token is bound to the session; wrong tokens are
 * throttled per client address without slowing anyone else. Defect 3: a cookie-authenticated import needs this
 * site's Origin and the session's CSRF token; Bearer requests are unaffected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../../api/runtime.ts';
import { createSessions, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../api/admin/sessions.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { dbOf, tempDb } from '../helpers/db.ts';
import { logInThroughForm, openSession } from '../helpers/admin.ts';

const TOKEN = 'sessions-test-token-0123456789';
const HOUR = 60 * 60_000;

const login = logInThroughForm;

describe('logging in', () => {
  let s: RunningServer;
  beforeAll(async () => {
    s = await startServer({ KB_ADMIN_TOKEN: TOKEN, KB_TRUST_PROXY: '1' });
  });
  afterAll(() => s.stop());

  it('gives every login its own random session id, stored only as a keyed hash', async () => {
    const a = await login(s.url, TOKEN);
    const b = await login(s.url, TOKEN);
    expect(a.status).toBe(303);
    expect(a.cookie).not.toBe(b.cookie);
    expect(a.setCookie).toMatch(/Max-Age=604800/);
    const id = a.cookie!.slice('kb_admin='.length);
    const stored = dbOf(s.kb).$client.prepare('select id_hash from admin_sessions').pluck().all() as string[];
    expect(stored.length).toBeGreaterThanOrEqual(2);
    expect(stored).not.toContain(id);
    expect(stored.join()).not.toContain(id);
  });

  it('throttles wrong tokens per client address after 10 a minute, without slowing another address', async () => {
    for (let i = 0; i < 10; i++) expect((await login(s.url, `wrong-${i}`, '203.0.113.66')).status).toBe(401);
    // The eleventh try is refused unchecked, even with the right token.
    expect((await login(s.url, TOKEN, '203.0.113.66')).status).toBe(429);
    expect((await login(s.url, TOKEN, '203.0.113.67')).status).toBe(303);
    // Counted in the database (so every node of a PostgreSQL deployment counts alike), by a keyed hash of the address.
    const kept = dbOf(s.kb).$client.prepare('select address_hash from auth_failures').pluck().all() as string[];
    expect(kept.length).toBeGreaterThanOrEqual(10);
    expect(kept.join()).not.toContain('203.0.113');
  });

  it('throttles wrong Bearer tokens per client address the same way', async () => {
    const get = (token: string, ip: string) => fetch(`${s.url}/api/reports/overview`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': ip } });
    for (let i = 0; i < 10; i++) expect((await get(`wrong-${i}`, '203.0.113.80')).status).toBe(401);
    const blocked = await get(TOKEN, '203.0.113.80');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('60');
    expect((await get(TOKEN, '203.0.113.81')).status).toBe(200);
    // An IPv6 client is counted by its /64: moving within it does not buy new tries.
    for (let i = 0; i < 10; i++) await get('wrong', `2001:db8:1:2::${i + 1}`);
    expect((await get(TOKEN, '2001:db8:1:2:ffff::1')).status).toBe(429);
    expect((await get(TOKEN, '2001:db8:1:3::1')).status).toBe(200);
  });
});

describe('the import API on the dashboard cookie', () => {
  let s: RunningServer;
  beforeAll(async () => {
    s = await startServer({ KB_ADMIN_TOKEN: TOKEN });
  });
  afterAll(() => s.stop());

  const upload = (headers: Record<string, string>) => {
    const body = new FormData();
    body.set('preset', 'generic');
    body.set('file', new File(['external_id,created_at\nCSRF-1,2026-03-01T10:00:00Z\n'], 't.csv'));
    return fetch(`${s.url}/api/tickets/import`, { method: 'POST', body, headers });
  };
  const tickets = () => dbOf(s.kb).$client.prepare('select count(*) from tickets').pluck().get();

  it('refuses a page on another port or a sibling site, and a request without the session\'s CSRF token', async () => {
    const admin = await openSession(s.kb);
    const otherPort = await upload({ cookie: admin.cookie, origin: 'http://127.0.0.1:9', 'sec-fetch-site': 'same-site', 'x-csrf-token': admin.csrf });
    expect(otherPort.status).toBe(403);
    const sibling = await upload({ cookie: admin.cookie, origin: 'https://evil.help.example.com', 'x-csrf-token': admin.csrf });
    expect(sibling.status).toBe(403);
    expect((await upload({ cookie: admin.cookie, origin: s.url })).status).toBe(403);
    expect(tickets()).toBe(0);
  });

  it('takes it from this site with the CSRF token, and from a Bearer client wherever it runs', async () => {
    const admin = await openSession(s.kb);
    expect((await upload({ cookie: admin.cookie, origin: s.url, 'x-csrf-token': admin.csrf })).status).toBe(200);
    expect((await upload({ authorization: `Bearer ${TOKEN}`, origin: 'https://elsewhere.example' })).status).toBe(200);
    expect(tickets()).toBe(1);
  });
});

describe('how sessions end', () => {
  it('ends after 12 hours without a request and after 7 days whatever happens', async () => {
    const t = tempDb();
    const sessions = createSessions(t.store, { adminToken: TOKEN, secret: 'x'.repeat(32) });
    const start = Date.now();
    const { cookie } = await sessions.open(start);
    expect(await sessions.find(cookie, start + SESSION_IDLE_MS - 1000)).toBeDefined();
    expect(await sessions.find(cookie, start + 2 * SESSION_IDLE_MS - 2000)).toBeDefined();
    expect(await sessions.find(cookie, start + 3 * SESSION_IDLE_MS)).toBeUndefined();

    const active = (await sessions.open(start)).cookie;
    for (let t2 = start; t2 < start + SESSION_ABSOLUTE_MS - HOUR; t2 += 6 * HOUR) expect(await sessions.find(active, t2)).toBeDefined();
    expect(await sessions.find(active, start + SESSION_ABSOLUTE_MS + 1000)).toBeUndefined();
    t.cleanup();
  });

  it('ends every session when the admin token changes, and none when the server restarts with the same one', async () => {
    const t = tempDb({ KB_ADMIN_TOKEN: TOKEN });
    const first = await createRuntime(t.config);
    const admin = await openSession(first);
    const other = await openSession(first);
    await first.close();

    const same = await createRuntime(t.config);
    expect(await same.sessions.find(admin.cookie.slice(9))).toBeDefined();
    await same.close();

    const rotated = await createRuntime({ ...t.config, adminToken: 'a-brand-new-admin-token-0123' });
    expect(await rotated.sessions.find(admin.cookie.slice(9))).toBeUndefined();
    expect(await rotated.sessions.find(other.cookie.slice(9))).toBeUndefined();
    expect(dbOf(rotated).$client.prepare('select count(*) from admin_sessions').pluck().get()).toBe(0);
    await rotated.close();
    t.cleanup();
  });

  it('binds the CSRF token to its session', async () => {
    const t = tempDb();
    const sessions = createSessions(t.store, { adminToken: TOKEN, secret: 'y'.repeat(32) });
    const a = (await sessions.open()).session;
    const b = (await sessions.open()).session;
    expect(a.csrf).not.toBe(b.csrf);
    expect(sessions.csrfMatches(a.idHash, a.csrf)).toBe(true);
    expect(sessions.csrfMatches(b.idHash, a.csrf)).toBe(false);
    expect(sessions.csrfMatches(a.idHash, '')).toBe(false);
    t.cleanup();
  });
});
