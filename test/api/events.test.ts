import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventsApp, type EventsApp } from '../helpers/events.ts';

describe('POST /api/events stores each event type', () => {
  let t: EventsApp;
  beforeEach(() => {
    t = eventsApp();
  });
  afterEach(() => t.cleanup());

  const page = { pv: 'pv-1', path: '/articles/reset-password', locale: 'en', article: 'reset-password' };

  it('stores a view with its page fields and the referrer host only', async () => {
    const res = await t.post({ type: 'view', ...page, referrer: 'https://www.google.com/search?q=secret+words' });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 1 });
    const [row] = t.rows();
    expect(row).toMatchObject({ type: 'view', pv: 'pv-1', path: '/articles/reset-password', locale: 'en' });
    expect(row).toMatchObject({ article: 'reset-password', referrer_host: 'www.google.com' });
    expect(typeof row!.visitor).toBe('string');
    expect(row!.session_id).toBeGreaterThan(0);
    expect(Math.abs(Number(row!.ts) - Date.now())).toBeLessThan(5000);
  });

  it('stores read seconds and scroll depth', async () => {
    await t.post({ type: 'read', ...page, seconds: 42, scroll: 95 });
    expect(t.rows()[0]).toMatchObject({ type: 'read', seconds: 42, scroll: 95, pv: 'pv-1' });
  });

  it('stores a helpful vote and a "no" with its comment', async () => {
    await t.post({ events: [{ type: 'vote', ...page, helpful: true }, { type: 'vote', ...page, helpful: false, comment: 'No screenshots' }] });
    const [yes, no] = t.rows();
    expect(yes).toMatchObject({ type: 'vote', helpful: 1, comment: null });
    expect(no).toMatchObject({ type: 'vote', helpful: 0, comment: 'No screenshots' });
  });

  it('stores a search with its normalised query and result count', async () => {
    await t.post({ type: 'search', pv: 'pv-2', path: '/search', query: '  Reset   PASSWORD ', results: 3 });
    expect(t.rows()[0]).toMatchObject({ type: 'search', query: '  Reset   PASSWORD ', query_norm: 'reset password', results: 3, clicked: 0 });
  });

  it('stores a search click with its position', async () => {
    await t.post({ type: 'search_click', pv: 'pv-2', query: 'reset', position: 2 });
    expect(t.rows()[0]).toMatchObject({ type: 'search_click', position: 2, query_norm: 'reset' });
  });

  it('stores contact events from a call to action and from a form', async () => {
    await t.post({ events: [{ type: 'contact', ...page, via: 'cta' }, { type: 'contact', pv: 'pv-9', via: 'form' }] });
    expect(t.rows().map((r) => r.via)).toEqual(['cta', 'form']);
  });

  it('stores the contact page suggestions shown and clicked', async () => {
    await t.post({ events: [
      { type: 'suggest_shown', pv: 'pv-3', path: '/contact', query: 'refund', results: 4 },
      { type: 'suggest_click', pv: 'pv-3', path: '/contact', article: 'refunds', position: 1 },
    ] });
    const [shown, click] = t.rows();
    expect(shown).toMatchObject({ type: 'suggest_shown', query_norm: 'refund', results: 4 });
    expect(click).toMatchObject({ type: 'suggest_click', article: 'refunds', position: 1 });
  });

  it('accepts a text/plain body as sendBeacon sends it', async () => {
    const res = await t.post({ type: 'view', ...page }, { contentType: 'text/plain;charset=UTF-8' });
    expect(res.status).toBe(202);
    expect(t.rows()).toHaveLength(1);
  });

  it('accepts a batch of 50 events in one request', async () => {
    const events = Array.from({ length: 50 }, (_, i) => ({ type: 'read', pv: 'pv-1', seconds: i }));
    const res = await t.post({ events });
    expect(await res.json()).toEqual({ accepted: 50 });
    expect(t.rows()).toHaveLength(50);
  });

  it('gives the same visitor and session to one client and another to a second client', async () => {
    await t.post({ type: 'view', pv: 'a' }, { ip: '198.51.100.1' });
    await t.post({ type: 'view', pv: 'b' }, { ip: '198.51.100.1' });
    await t.post({ type: 'view', pv: 'c' }, { ip: '198.51.100.2' });
    const [a, b, c] = t.rows();
    expect(a!.visitor).toBe(b!.visitor);
    expect(a!.session_id).toBe(b!.session_id);
    expect(c!.visitor).not.toBe(a!.visitor);
    expect(c!.session_id).not.toBe(a!.session_id);
  });
});

describe('POST /api/events from other sites (CORS)', () => {
  let t: EventsApp;
  beforeEach(() => {
    t = eventsApp();
  });
  afterEach(() => t.cleanup());

  it('answers the preflight of a cross-origin JSON post', async () => {
    const res = await t.app.request('/api/events', {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
  });

  it('lets a cross-origin page read the answer', async () => {
    const res = await t.app.request('/api/events', {
      method: 'POST',
      headers: { origin: 'https://shop.example', 'content-type': 'text/plain', 'user-agent': 'Mozilla/5.0 (Windows NT 10.0) Firefox/140.0' },
      body: JSON.stringify({ type: 'view', pv: 'x' }),
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});
