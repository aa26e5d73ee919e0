/** POST /api/events (SPEC 5.2): validate, drop bots, rate-limit per visitor and per client address, store, answer 202 after commit. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { AppEnv } from '../context.ts';
import type { Config } from '../../db/shared/config.ts';
import { fail } from '../errors.ts';
import { addressKey, clientIp } from '../http/client-ip.ts';
import { isBot } from './is-bot.ts';
import { createRateLimiter } from '../http/rate-limit.ts';
import { EventBatchSchema, MAX_BATCH, MAX_BODY_BYTES, TrackEventSchema, type TrackEvent } from '../../db/shared/event.ts';
import { invalid } from '../http/validate.ts';

const tooLarge = `The request body is over ${MAX_BODY_BYTES / 1024} KB; send fewer events per request (at most ${MAX_BATCH}).`;

/** Reads the body as JSON, whatever of the two allowed content types it came as (sendBeacon sends text/plain). */
async function readJson(req: Request): Promise<unknown> {
  const type = req.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type && type !== 'application/json' && type !== 'text/plain') {
    fail(415, `Send events as application/json or text/plain, not ${type}.`);
  }
  // bodyLimit has already checked the size, by Content-Length (which Node enforces) or by counting the stream.
  const text = await req.text();
  if (!text.trim()) fail(400, 'The request body is empty; send one event or {"events": [...]}.');
  try {
    return JSON.parse(text);
  } catch (err) {
    return fail(400, `The request body is not valid JSON (${(err as Error).message}).`);
  }
}

/** One event or `{ events: [...] }`; a 400 lists every problem and nothing of the request is stored. */
function parseEvents(body: unknown): TrackEvent[] {
  const isBatch = typeof body === 'object' && body !== null && 'events' in body;
  const parsed = isBatch ? EventBatchSchema.safeParse(body) : TrackEventSchema.safeParse(body);
  if (!parsed.success) {
    invalid('Some events are not valid; nothing of this request was stored.', parsed.error.issues, body);
  }
  return 'events' in parsed.data ? parsed.data.events : [parsed.data];
}

/** The events route with its own rate limiters (one pair per app, so tests never share buckets). */
export function createEventsRoute(config: Config) {
  const limiter = createRateLimiter(config.rateLimitPerMinute);
  // A visitor is an address and a user agent, and the user agent is the client's to choose: the address's own
  // bucket bounds what one address sends however many user agents it claims, and touches no other address.
  const addressLimiter = createRateLimiter(config.rateLimitPerAddress);
  const route = new Hono<AppEnv>();

  // The snippet runs on other sites too. Beacons (text/plain) need no preflight; JSON posts do.
  const preflight = cors({ origin: '*', allowMethods: ['POST', 'OPTIONS'], allowHeaders: ['Content-Type'], maxAge: 86_400 });
  // With a Content-Length (which Node's parser holds the body to) the header decides, and the body is then read
  // on @hono/node-server's fast path; touching `req.raw.body`, as bodyLimit does first, builds a web stream per
  // request, which cost more than storing the event. Bodies without a length are counted as they stream.
  const streamedLimit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => fail(413, tooLarge) });
  route.use((c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    // The one header cors() gives a simple request, set before the answer exists: cors() writes it through
    // c.res, which builds a Response per request that Hono then copies into the real one (bench/results/ingest.md).
    c.header('Access-Control-Allow-Origin', '*');
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding')) return streamedLimit(c, next);
    if (Number(length) > MAX_BODY_BYTES) fail(413, tooLarge);
    return next();
  });

  route.post('/', async (c) => {
    const { tracking } = c.var.deps.store;
    const events = parseEvents(await readJson(c.req.raw));
    const userAgent = c.req.header('user-agent') ?? '';
    // Bots get the same quiet answer as people, so they learn nothing; a missing user agent is not a browser.
    if (isBot(userAgent)) return c.json({ accepted: events.length }, 202);
    const ip = clientIp(c, config.trustProxy);
    const address = addressKey(ip);
    if (!addressLimiter.has(address, events.length)) {
      c.header('Retry-After', '60');
      fail(429, `Too many events from this address (limit ${config.rateLimitPerAddress} a minute); try again shortly.`);
    }
    if (!limiter.take(`${ip}\n${userAgent}`, events.length)) {
      c.header('Retry-After', '60');
      fail(429, `Too many events from this visitor (limit ${config.rateLimitPerMinute} a minute); try again shortly.`);
    }
    addressLimiter.take(address, events.length);
    const accepted = await tracking.store(events, { ip, userAgent });
    return c.json({ accepted }, 202);
  });

  return route;
}
