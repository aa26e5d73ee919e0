import { afterEach, describe, expect, it } from 'vitest';
import { eventsApp, type EventsApp } from '../helpers/events.ts';

const view = { type: 'view', pv: 'pv-1' };

describe('POST /api/events and bots', () => {
  let t: EventsApp;
  afterEach(() => t.cleanup());

  it.each([
    ['a search engine crawler', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
    ['headless Chrome', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36'],
    ['curl', 'curl/8.9.1'],
  ])('answers %s 202 and stores nothing', async (_name, ua) => {
    t = eventsApp();
    const res = await t.post({ events: [view, view] }, { ua });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 2 });
    expect(t.rows()).toHaveLength(0);
  });

  it('treats a request without a user agent as a bot', async () => {
    t = eventsApp();
    const res = await t.post(view, { ua: null });
    expect(res.status).toBe(202);
    expect(t.rows()).toHaveLength(0);
  });
});

describe('POST /api/events rate limit', () => {
  let t: EventsApp;
  afterEach(() => t.cleanup());

  it('answers 429 to one visitor over the limit while another visitor is still served', async () => {
    t = eventsApp({ KB_RATE_LIMIT: '5' });
    for (let i = 0; i < 5; i++) expect((await t.post(view, { ip: '198.51.100.10' })).status).toBe(202);
    const limited = await t.post(view, { ip: '198.51.100.10' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(/Too many events/);
    const other = await t.post(view, { ip: '198.51.100.11' });
    expect(other.status).toBe(202);
    expect(t.rows()).toHaveLength(6);
  });

  it('counts events, not requests, and stores nothing of a batch over the limit', async () => {
    t = eventsApp({ KB_RATE_LIMIT: '10' });
    expect((await t.post({ events: Array(8).fill(view) })).status).toBe(202);
    expect((await t.post({ events: Array(3).fill(view) })).status).toBe(429);
    expect(t.rows()).toHaveLength(8);
    expect((await t.post({ events: Array(2).fill(view) })).status).toBe(202);
    expect(t.rows()).toHaveLength(10);
  });

  it('tells apart two browsers behind the same address', async () => {
    t = eventsApp({ KB_RATE_LIMIT: '1' });
    expect((await t.post(view, { ua: 'Mozilla/5.0 (Windows NT 10.0) Firefox/140.0' })).status).toBe(202);
    expect((await t.post(view, { ua: 'Mozilla/5.0 (Windows NT 10.0) Firefox/140.0' })).status).toBe(429);
    expect((await t.post(view, { ua: 'Mozilla/5.0 (Macintosh) Safari/605.1.15' })).status).toBe(202);
  });

  it('ignores X-Forwarded-For unless a proxy is trusted', async () => {
    t = eventsApp({ KB_RATE_LIMIT: '1', KB_TRUST_PROXY: '0' });
    expect((await t.post(view, { ip: '198.51.100.1' })).status).toBe(202);
    // A forged header does not make a new visitor.
    expect((await t.post(view, { ip: '198.51.100.2' })).status).toBe(429);
  });
});
