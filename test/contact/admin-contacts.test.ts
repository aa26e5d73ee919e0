import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type AdminSession } from '../helpers/admin.ts';
import { contactOutbox, contactRequests } from '../../db/schema/index.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { startReceiver, type Receiver } from '../helpers/receivers.ts';
import { validForm } from '../helpers/contact.ts';
import { dbOf } from '../helpers/db.ts';

const TOKEN = 'test-admin-token-123456';

describe('/admin/contacts', () => {
  let server: RunningServer;
  let receiver: Receiver;
  let cookie: string;
  let admin: AdminSession;

  beforeAll(async () => {
    receiver = await startReceiver(0, 500);
    server = await startServer({ KB_ADMIN_TOKEN: TOKEN, KB_WEBHOOK_URL: receiver.url });
    admin = await openSession(server.kb);
    cookie = admin.cookie;
    const post = (body: Record<string, unknown>) =>
      fetch(`${server.url}/api/contact`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post(validForm({ subject: 'Webhook <b>down</b> request' }))).status).toBe(201);
    expect((await post(validForm({ website: 'spam' }))).status).toBe(422);
    await server.kb.outbox.idle();
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  it('needs the admin login', async () => {
    const res = await fetch(`${server.url}/admin/contacts`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('/admin/login');
  });

  it('lists the failing request with its last error, escaped, and counts the spam it turned away', async () => {
    // The spam was turned away today; the page's default range ends yesterday, so ask for today.
    const today = DateTime.now().setZone(server.kb.config.timeZone).toISODate();
    const html = await (await fetch(`${server.url}/admin/contacts?from=${today}&to=${today}`, { headers: { cookie } })).text();
    expect(html).toContain('Webhook &lt;b&gt;down&lt;/b&gt; request');
    expect(html).toContain('Hello, my March invoice shows an old VAT number.');
    expect(html).toContain('webhook answered 500: down for maintenance');
    expect(html).toContain('failed 1×, retrying');
    expect(html).toMatch(/Hidden field filled in \(bots\)<\/a>\s*<div class="value">1</);
    expect(html).toContain('Contact form deflection');
  });

  it('retries a failed delivery from the retry button, and refuses the button without its CSRF token', async () => {
    const [request] = dbOf(server.kb).select().from(contactRequests).all();
    const form = (csrf: string) => new URLSearchParams({ csrf, retry: String(request!.id) });
    const headers = { cookie, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' };

    const forged = await fetch(`${server.url}/admin/contacts`, { method: 'POST', headers, body: form('not-the-token'), redirect: 'manual' });
    expect(forged.status).toBe(403);

    receiver.status = 200;
    const res = await fetch(`${server.url}/admin/contacts`, {
      method: 'POST',
      headers,
      body: form(admin.csrf),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/contacts?retried=${request!.id}`);
    await server.kb.outbox.idle();
    const [item] = dbOf(server.kb).select().from(contactOutbox).all();
    expect(item).toMatchObject({ attempts: 2, lastError: null });
    expect(item!.deliveredAt).not.toBeNull();
    expect(receiver.requests).toHaveLength(2);
  });
});
