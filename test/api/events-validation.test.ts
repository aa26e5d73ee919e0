import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventsApp, type EventsApp } from '../helpers/events.ts';

/** Posts, expects the status, expects nothing stored, and returns the error envelope. */
async function rejected(t: EventsApp, status: number, body: unknown, opts = {}) {
  const res = await t.post(body, opts);
  expect(res.status).toBe(status);
  expect(t.rows()).toHaveLength(0);
  const json = (await res.json()) as { error: { code: string; message: string; details: Array<{ path: string; message: string }> } };
  expect(json.error.message.length).toBeGreaterThan(10);
  // SPEC 8: every 400 lists its problems as { path, message }.
  const details = json.error.details ?? [];
  if (status === 400) expect(details.length).toBeGreaterThan(0);
  for (const d of details) expect(Object.keys(d).sort()).toEqual(['message', 'path']);
  return { ...json.error, lines: details.map((d) => `${d.path}: ${d.message}`) };
}

const view = { type: 'view', pv: 'pv-1' };

describe('POST /api/events rejects bad input and stores nothing of it', () => {
  let t: EventsApp;
  beforeEach(() => {
    t = eventsApp();
  });
  afterEach(() => t.cleanup());

  it('names an out-of-range field by its place in the batch', async () => {
    const events = [view, view, view, { type: 'read', pv: 'pv-1', seconds: 1801 }];
    const error = await rejected(t, 400, { events });
    expect(error.code).toBe('bad_request');
    expect(error.lines).toEqual(['events[3].seconds: must be <= 1800']);
  });

  it('rejects a scroll depth over 100 and a negative one', async () => {
    const error = await rejected(t, 400, { events: [{ type: 'read', pv: 'p', seconds: 1, scroll: 101 }, { type: 'read', pv: 'p', seconds: 1, scroll: -1 }] });
    expect(error.lines).toEqual(['events[0].scroll: must be <= 100', 'events[1].scroll: must be >= 0']);
  });

  it('rejects a field of the wrong type', async () => {
    const error = await rejected(t, 400, { type: 'vote', pv: 'p', helpful: 'yes' });
    expect(error.lines).toEqual(['helpful: must be true or false, not a string']);
  });

  it('rejects fractional seconds', async () => {
    const error = await rejected(t, 400, { type: 'read', pv: 'p', seconds: 2.5 });
    expect(error.lines).toEqual(['seconds: must be a whole number']);
  });

  it('rejects an unknown field', async () => {
    const error = await rejected(t, 400, { ...view, email: 'someone@example.com' });
    expect(error.lines).toEqual(['email: unknown field']);
  });

  it('rejects an unknown field next to the events list', async () => {
    const error = await rejected(t, 400, { events: [view], site: 'x' });
    expect(error.lines).toEqual(['site: unknown field']);
  });

  it('rejects an unknown event type, naming the known ones', async () => {
    const error = await rejected(t, 400, { type: 'purchase', pv: 'p' });
    expect(error.lines[0]).toMatch(/^type: "purchase" is not a known type; use one of "view", "read"/);
  });

  it('rejects an event without a type', async () => {
    const error = await rejected(t, 400, { pv: 'p' });
    expect(error.lines[0]).toMatch(/^type: is required/);
  });

  it.each([
    ['view', {}, ['pv: is required']],
    ['read', { pv: 'p' }, ['seconds: is required']],
    ['vote', { pv: 'p' }, ['helpful: is required']],
    ['search', { pv: 'p' }, ['query: is required', 'results: is required']],
    ['search_click', { pv: 'p' }, ['position: is required']],
    ['contact', { pv: 'p' }, ['via: is required, one of "cta", "form"']],
    ['suggest_shown', { pv: 'p' }, ['query: is required', 'results: is required']],
    ['suggest_click', { pv: 'p' }, ['article: is required', 'position: is required']],
  ])('rejects a %s event missing its required fields', async (type, fields, details) => {
    const error = await rejected(t, 400, { type, ...fields });
    expect(error.lines).toEqual(details);
  });

  it('rejects an empty pv and a pv over 64 characters', async () => {
    const error = await rejected(t, 400, { events: [{ type: 'view', pv: '' }, { type: 'view', pv: 'x'.repeat(65) }] });
    expect(error.lines).toEqual(['events[0].pv: must not be empty', 'events[1].pv: must be at most 64 characters']);
  });

  it('rejects a query over 200 characters and a comment over 500', async () => {
    const error = await rejected(t, 400, { events: [
      { type: 'search', pv: 'p', query: 'q'.repeat(201), results: 0 },
      { type: 'vote', pv: 'p', helpful: false, comment: 'c'.repeat(501) },
    ] });
    expect(error.lines).toEqual(['events[0].query: must be at most 200 characters', 'events[1].comment: must be at most 500 characters']);
  });

  it('rejects a contact with an unknown way of contacting', async () => {
    const error = await rejected(t, 400, { type: 'contact', pv: 'p', via: 'phone' });
    expect(error.lines).toEqual(['via: must be one of "cta", "form"']);
  });

  it('rejects more than 50 events and stores none of them', async () => {
    const error = await rejected(t, 400, { events: Array.from({ length: 51 }, () => view) });
    expect(error.lines).toEqual(['events: must hold at most 50 items']);
  });

  it('rejects an empty events list', async () => {
    const error = await rejected(t, 400, { events: [] });
    expect(error.lines).toEqual(['events: must hold at least 1 items']);
  });

  it('stores no event of a batch in which one event is bad', async () => {
    await rejected(t, 400, { events: [view, view, { type: 'read', pv: 'p' }] });
  });

  it('rejects malformed JSON', async () => {
    const error = await rejected(t, 400, null, { raw: '{"type": "view", ' });
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('rejects an empty body', async () => {
    const error = await rejected(t, 400, null, { raw: '' });
    expect(error.message).toMatch(/body is empty/);
  });

  it('rejects a body that is not an object', async () => {
    const error = await rejected(t, 400, [view]);
    expect(error.lines).toEqual(['body: must be an object, not a list']);
  });

  it('answers 413 to a body over 16 KB', async () => {
    const events = Array.from({ length: 40 }, () => ({ type: 'vote', pv: 'p', helpful: false, comment: 'c'.repeat(500) }));
    const error = await rejected(t, 413, { events });
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toMatch(/16 KB/);
  });

  it('answers 413 to a streamed body over 16 KB that declares no length', async () => {
    const big = JSON.stringify({ ...view, path: 'x'.repeat(20_000) });
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const res = await t.app.request('/api/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 Firefox/140.0' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(t.rows()).toHaveLength(0);
  });

  it('answers 415 to a content type other than JSON or text', async () => {
    const error = await rejected(t, 415, view, { contentType: 'application/x-www-form-urlencoded' });
    expect(error.message).toMatch(/application\/json or text\/plain/);
  });
});
