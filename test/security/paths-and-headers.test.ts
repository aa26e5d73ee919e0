/**
 * Defect 10: every spelling of an API path reaches the API, with the client's address and its rate limit.
 * Defect 11: every answer carries the hardening headers (prerendered files too), admin and report answers are
 * never cached, and the help center cannot be framed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { DESKTOP_UA } from '../helpers/browser.ts';
import { openSession } from '../helpers/admin.ts';
import { dbOf } from '../helpers/db.ts';

const TOKEN = 'paths-headers-token-0123456789';
let s: RunningServer;
beforeAll(async () => {
  s = await startServer({ KB_ADMIN_TOKEN: TOKEN, KB_RATE_LIMIT: '4' });
});
afterAll(() => s.stop());

/** Sends a request line exactly as written (fetch would normalise the path itself, and refuses TRACE). */
async function rawPost(path: string, body: string, method = 'POST') {
  const { request } = await import('node:http');
  return new Promise<{ status: number; body: string; type: string }>((resolve, reject) => {
    const headers = { 'content-type': 'text/plain', 'user-agent': DESKTOP_UA, 'content-length': String(Buffer.byteLength(body)) };
    const req = request(`${s.url}/`, { method, path, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body: text, type: String(res.headers['content-type']) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('one path into the API', () => {
  it('answers every spelling of /api/events from the API, sharing the visitor\'s one rate-limit bucket', async () => {
    const event = JSON.stringify({ type: 'view', pv: 'pv-paths', path: '/' });
    const spellings = ['/api/events', '/%61pi/events', '/./api/events', '/x/../api/events'];
    for (const path of spellings) {
      const res = await rawPost(path, event);
      expect(res.status, path).toBe(202);
      expect(res.type).toContain('application/json');
    }
    // The limit is 4 a minute for this visitor, whichever way the path is spelled.
    for (const path of ['//api/events', '/api/./events', '/api/%65vents']) expect((await rawPost(path, event)).status, path).toBe(429);
    expect(dbOf(s.kb).$client.prepare('select count(distinct visitor) as n, count(*) as c from events').get()).toEqual({ n: 1, c: 4 });
  });

  it('refuses a path with a broken percent-encoding', async () => {
    expect((await rawPost('/api/%zzevents', '{}')).status).toBe(400);
  });

  it('refuses methods it does not answer, before any handler sees them', async () => {
    for (const method of ['TRACE', 'PUT', 'DELETE']) {
      for (const path of ['/contact', '/api/events', '/']) expect((await rawPost(path, method === 'TRACE' ? '' : 'x', method)).status, `${method} ${path}`).toBe(405);
    }
  });
});

const PAGE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

describe('hardening headers', () => {
  it.each([
    ['the home page (prerendered)', '/'],
    ['an article (prerendered)', '/articles/set-up-your-studio'],
    ['a locale home', '/fa/'],
    ['search (on demand)', '/search?q=studio'],
    ['the contact page', '/contact'],
    ['the not-found page', '/no-such-page'],
    ['the tracker', '/kb.js'],
    ['the login page', '/admin/login'],
    ['an API answer', '/api/health'],
  ])('%s carries a CSP that forbids framing, nosniff, frame protection and a referrer policy', async (_name, path) => {
    const res = await fetch(s.url + path, { redirect: 'manual' });
    for (const [k, v] of Object.entries(PAGE_HEADERS)) expect(res.headers.get(k), `${path} ${k}`).toBe(v);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers.get('referrer-policy')).toMatch(/^(strict-origin-when-cross-origin|same-origin)$/);
  });

  it('never lets an admin answer or a report be cached, whatever the answer', async () => {
    const admin = await openSession(s.kb);
    const bearer = { authorization: `Bearer ${TOKEN}` };
    const answers = [
      await fetch(`${s.url}/admin/login`),
      await fetch(`${s.url}/admin`, { redirect: 'manual' }),
      await fetch(`${s.url}/admin`, { headers: { cookie: admin.cookie } }),
      await fetch(`${s.url}/api/reports/overview`),
      await fetch(`${s.url}/api/reports/overview`, { headers: bearer }),
      await fetch(`${s.url}/api/reports/tickets?format=csv`, { headers: bearer }),
      await fetch(`${s.url}/api/reports/nope`, { headers: bearer }),
      await fetch(`${s.url}/api/reports/overview?from=garbage`, { headers: bearer }),
      await fetch(`${s.url}/api/tickets/imports`, { headers: { cookie: admin.cookie } }),
      await fetch(`${s.url}/api/contact/requests`, { headers: bearer }),
    ];
    for (const res of answers) expect(res.headers.get('cache-control'), `${res.url} ${res.status}`).toBe('no-store');
    expect(answers.map((r) => r.status)).toEqual([200, 303, 200, 401, 200, 200, 404, 400, 200, 200]);
  });
});
