/** POST /api/contact: the contact form's public endpoint (JSON or a plain form post); admin: list requests, retry delivery. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { requireAdmin } from '../admin/require-admin.ts';
import type { AppEnv } from '../context.ts';
import { fail } from '../errors.ts';
import { validated } from '../http/validate.ts';
import { clientIp } from '../http/client-ip.ts';
import { clientOf } from './client.ts';
import { contactPath, sentPath } from './paths.ts';
import { submitContact } from './submit.ts';
import { BODY_LIMITS } from '../http/body-limits.ts';

const MAX_BODY = BODY_LIMITS.contactForm;
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day written YYYY-MM-DD');
/** Local days from..to in KB_TZ, both included. */
const DayRange = z.object({ from: isoDay, to: isoDay }).refine((q) => q.from <= q.to, { message: 'must not be after to', path: ['from'] });

export const contact = new Hono<AppEnv>().post(
  '/',
  bodyLimit({ maxSize: MAX_BODY, onError: () => fail(413, `The request is larger than ${MAX_BODY / 1024} KB.`) }),
  async (c) => {
    const type = c.req.header('content-type') ?? '';
    const isForm = type.startsWith('application/x-www-form-urlencoded');
    if (!isForm && !type.startsWith('application/json')) {
      fail(415, 'Send the form as application/json or application/x-www-form-urlencoded.');
    }
    const raw = isForm ? await c.req.parseBody() : await c.req.json<unknown>().catch(() => fail(400, 'The body is not valid JSON.'));
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(400, 'The body must be a JSON object of form fields.');
    const body = raw as Record<string, unknown>;
    const at = Date.now();
    const client = await clientOf(c.var.deps.store, { url: c.req.url, headers: c.req.raw.headers, ip: clientIp(c, c.var.deps.config.trustProxy) }, at);
    const result = await submitContact(c.var.deps, body, client, at);
    const locale = typeof body.locale === 'string' ? body.locale : 'en';

    if (isForm) {
      // Without JavaScript: back to a page either way (303 so a reload does not post again).
      if (result.ok) return c.redirect(sentPath(result.locale, result.reference), 303);
      const q = new URLSearchParams({ errors: result.errors.map((e) => `${e.field}:${e.code}`).join(',') });
      if (typeof body.from === 'string' && body.from) q.set('from', body.from);
      return c.redirect(`${contactPath(locale)}?${q}`, 303);
    }
    if (!result.ok) fail(result.status, result.message, result.errors.map((e) => ({ path: e.field, message: e.message, code: e.code })));
    return c.json({ id: result.key, reference: result.reference, status: 'received', confirmation: sentPath(result.locale, result.reference) }, 201);
  },
)
  .get(
    '/requests',
    requireAdmin,
    validated('query', z.object({ limit: z.coerce.number().int().min(1).max(500).default(50), failing: z.enum(['0', '1']).default('0') }), 'limit must be 1..500 and failing 0 or 1.'),
    async (c) => {
      const q = c.req.valid('query');
      return c.json({ requests: await c.var.deps.store.contact.recent({ limit: q.limit, failing: q.failing === '1' }) });
    },
  )
  .get(
    '/requests/count',
    requireAdmin,
    validated('query', DayRange, 'from and to must be days written YYYY-MM-DD, from not after to.'),
    async (c) => {
      // Requests stored over local days in KB_TZ: what "forms submitted" (tracker events) is compared with.
      const { from, to } = c.req.valid('query');
      return c.json({ from, to, stored: await c.var.deps.store.contact.countRequests(from, to) });
    },
  )
  .get(
    '/rejections',
    requireAdmin,
    validated('query', DayRange, 'from and to must be days written YYYY-MM-DD, from not after to.'),
    async (c) => {
      // Posts the form turned away per reason over local days in KB_TZ (nothing of them was stored).
      const { from, to } = c.req.valid('query');
      return c.json({ from, to, reasons: await c.var.deps.store.contact.rejectionTotals(from, to) });
    },
  )
  .post(
    '/requests/:id/retry',
    // requireAdmin refuses a cookie-authenticated retry from another origin or without the session's CSRF token.
    requireAdmin,
    validated('param', z.object({ id: z.coerce.number().int().min(1) }), 'The request id must be a positive whole number.'),
    async (c) => {
      const { id } = c.req.valid('param');
      const rescheduled = await c.var.deps.store.contact.retry(id, Date.now());
      if (rescheduled === 0) fail(404, `Request ${id} does not exist or has nothing left to deliver.`);
      c.var.deps.outbox?.wake();
      return c.json({ id, rescheduled }, 202);
    },
  );
