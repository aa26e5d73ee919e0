/** Admin pages behind the login: redirects, the login form, the cookie it sets, and refusal of cross-site posts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { openSession, type AdminSession } from '../helpers/admin.ts';
import { dbOf } from '../helpers/db.ts';

const TOKEN = 'dashboard-test-token-0123456789';
const PAGES = ['/admin', '/admin/articles', '/admin/articles/reset-your-password', '/admin/search', '/admin/gaps', '/admin/tickets', '/admin/import'];
const REPORTS = ['overview', 'articles', 'search', 'gaps', 'tickets'];

let s: RunningServer;
let admin: AdminSession;
beforeAll(async () => {
  s = await startServer({ KB_ADMIN_TOKEN: TOKEN });
  admin = await openSession(s.kb);
});
afterAll(() => s.stop());

const session = () => admin.cookie;

/** Loads the login page and returns what a browser would post back: its nonce cookie and form token. */
async function loginForm() {
  const res = await fetch(`${s.url}/admin/login`);
  const html = await res.text();
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('kb_login_nonce='))!.split(';')[0]!;
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1]!;
  return { cookie, csrf };
}

function postLogin(token: string, form: { cookie: string; csrf: string }, headers: Record<string, string> = {}) {
  return fetch(`${s.url}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ csrf: form.csrf, token, next: '/admin/tickets' }),
    headers: { cookie: form.cookie, origin: s.url, 'sec-fetch-site': 'same-origin', ...headers },
  });
}

describe('admin pages without a session', () => {
  it.each(PAGES)('%s redirects to the login page with the page to come back to', async (path) => {
    const res = await fetch(`${s.url}${path}?from=2026-01-01`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/login?next=${encodeURIComponent(`${path}?from=2026-01-01`)}`);
  });

  it('rejects a forged session cookie', async () => {
    const res = await fetch(`${s.url}/admin`, { redirect: 'manual', headers: { cookie: 'kb_admin=forged' } });
    expect(res.status).toBe(303);
  });

  it.each(REPORTS)('GET /api/reports/%s answers 401 without the token', async (name) => {
    const res = await fetch(`${s.url}/api/reports/${name}`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
  });
});

describe('login', () => {
  it('says the token is wrong and sets no session', async () => {
    const res = await postLogin('not-the-token', await loginForm());
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('That token is not the admin token');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('kb_admin='))).toBe(false);
  });

  it('with the right token sets an HttpOnly SameSite=Strict cookie and goes where it was asked', async () => {
    const res = await postLogin(TOKEN, await loginForm());
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/tickets');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('kb_admin='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toContain(TOKEN);
    const page = await fetch(`${s.url}/admin`, { redirect: 'manual', headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await page.text()).toContain('Reads against ticket volume');
    // Nothing of that login may carry over to the next visitor's request.
    const next = await fetch(`${s.url}/admin/login`, { redirect: 'manual' });
    expect(next.status).toBe(200);
  });

  it('refuses a post from another site even with a valid form token', async () => {
    const form = await loginForm();
    const crossOrigin = await postLogin(TOKEN, form, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(crossOrigin.status).toBe(403);
    const crossSite = await postLogin(TOKEN, form, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.getSetCookie().some((c) => c.startsWith('kb_admin='))).toBe(false);
  });

  it('refuses a post without the form token or with another browser\'s token', async () => {
    const form = await loginForm();
    const other = await loginForm();
    expect((await postLogin(TOKEN, { ...form, csrf: '' })).status).toBe(403);
    expect((await postLogin(TOKEN, { cookie: form.cookie, csrf: other.csrf })).status).toBe(403);
  });

  it('logout deletes the session: the same cookie is refused afterwards', async () => {
    const mine = await openSession(s.kb);
    const res = await fetch(`${s.url}/admin/logout`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ csrf: mine.csrf }),
      headers: { cookie: mine.cookie, origin: s.url },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/login?out=1');
    expect(res.headers.getSetCookie().find((c) => c.startsWith('kb_admin='))).toMatch(/Expires=Thu, 01 Jan 1970/);
    // Replaying the cookie after logout: a page sends the browser to the login, the API answers 401.
    const page = await fetch(`${s.url}/admin`, { redirect: 'manual', headers: { cookie: mine.cookie } });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toContain('/admin/login');
    expect((await fetch(`${s.url}/api/reports/overview`, { headers: { cookie: mine.cookie } })).status).toBe(401);
  });
});

describe('import upload form', () => {
  const upload = (headers: Record<string, string>, csrf: string) => {
    const body = new FormData();
    body.set('csrf', csrf);
    body.set('preset', 'generic');
    body.set('file', new File(['external_id,created_at\nT1,2026-03-01T10:00:00Z\n'], 'tickets.csv', { type: 'text/csv' }));
    return fetch(`${s.url}/admin/import`, { method: 'POST', body, redirect: 'manual', headers: { cookie: session(), ...headers } });
  };
  const pageToken = async () => {
    const html = await (await fetch(`${s.url}/admin/import`, { headers: { cookie: session() } })).text();
    return /name="csrf" value="([^"]+)"/.exec(html)![1]!;
  };

  it('refuses a cross-site upload and one without the form token', async () => {
    const csrf = await pageToken();
    expect((await upload({ origin: 'https://evil.example' }, csrf)).status).toBe(403);
    expect((await upload({ origin: s.url, 'sec-fetch-site': 'cross-site' }, csrf)).status).toBe(403);
    expect((await upload({ origin: s.url }, 'wrong')).status).toBe(403);
    expect(dbOf(s.kb).$client.prepare('select count(*) as n from tickets').get()).toEqual({ n: 0 });
  });
});

describe('CSV downloads', () => {
  it('every CSV link on the dashboard pages downloads with the session cookie', async () => {
    const links = new Set<string>();
    for (const path of ['/admin', '/admin/articles', '/admin/search', '/admin/gaps', '/admin/tickets', '/admin/articles/reset-your-password']) {
      const html = await (await fetch(`${s.url}${path}`, { headers: { cookie: session() } })).text();
      for (const m of html.matchAll(/href="(\/api\/reports\/[^"]+)"/g)) links.add(m[1]!.replace(/&amp;/g, '&'));
    }
    expect(links.size).toBeGreaterThan(10);
    for (const link of links) {
      const res = await fetch(`${s.url}${link}`, { headers: { cookie: session() } });
      expect(res.status, link).toBe(200);
      expect(res.headers.get('content-type'), link).toContain('text/csv');
    }
  });
});
