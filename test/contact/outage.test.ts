import { afterEach, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../api/runtime.ts';
import { contactOutbox, contactRequests } from '../../db/schema/index.ts';
import { validForm } from '../helpers/contact.ts';
import { dbOf, tempDb, type TempDb } from '../helpers/db.ts';
import { startReceiver, type Receiver } from '../helpers/receivers.ts';

const HOUR = 60 * 60_000;

describe('contact delivery through a helpdesk outage', () => {
  let temp: TempDb | undefined;
  const open: Runtime[] = [];
  const receivers: Receiver[] = [];
  afterEach(async () => {
    for (const kb of open.splice(0)) await kb.close();
    for (const r of receivers.splice(0)) await r.close();
    temp?.cleanup();
  });

  it('keeps the request queued while the receiver fails or is gone, across a restart, then delivers it exactly once', async () => {
    const first = await startReceiver(0, 500);
    receivers.push(first);
    temp = tempDb({ KB_ADMIN_TOKEN: 'test-admin-token-123456', KB_WEBHOOK_URL: first.url, KB_WEBHOOK_SECRET: 's3cret' });
    const kb1 = await createRuntime(temp.config);
    open.push(kb1);

    const res = await kb1.app.request('/api/contact', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(validForm()),
    });
    expect(res.status).toBe(201);
    await kb1.outbox.idle();
    expect(first.requests).toHaveLength(1);

    // The receiver answered 500; now it goes away altogether.
    await receivers.pop()!.close();
    await kb1.outbox.deliverDue(Date.now() + HOUR);
    let [item] = dbOf(kb1).select().from(contactOutbox).all();
    expect(item).toMatchObject({ attempts: 2, deliveredAt: null });
    expect(item!.lastError).toMatch(/fetch failed|ECONNREFUSED/);
    expect(item!.nextAttemptAt).toBeGreaterThan(Date.now());

    // Restart: a new runtime on the same database file.
    await open.pop()!.close();
    const kb2 = await createRuntime(temp.config);
    open.push(kb2);
    [item] = dbOf(kb2).select().from(contactOutbox).all();
    expect(item).toMatchObject({ attempts: 2, deliveredAt: null });

    // The helpdesk is back on the same address.
    const back = await startReceiver(first.port, 200);
    receivers.push(back);
    await kb2.outbox.deliverDue(Date.now() + HOUR);
    await kb2.outbox.deliverDue(Date.now() + 24 * HOUR);
    await kb2.outbox.idle();

    expect(back.requests).toHaveLength(1);
    expect(back.requests[0]!.headers['x-kb-delivery-attempt']).toBe('3');
    [item] = dbOf(kb2).select().from(contactOutbox).all();
    expect(item).toMatchObject({ attempts: 3, lastError: null, nextAttemptAt: null });
    expect(item!.deliveredAt).not.toBeNull();
    expect(dbOf(kb2).select().from(contactRequests).all()[0]!.status).toBe('delivered');
    // The payload id (idempotency key) is the one the first, failed attempt carried.
    expect(JSON.parse(back.requests[0]!.body).id).toBe(JSON.parse(first.requests[0]!.body).id);
  });

  it('retries a failed delivery later, not at once, with growing waits', async () => {
    const down = await startReceiver(0, 500);
    receivers.push(down);
    temp = tempDb({ KB_ADMIN_TOKEN: 'test-admin-token-123456', KB_WEBHOOK_URL: down.url });
    const kb = await createRuntime(temp.config);
    open.push(kb);
    await kb.app.request('/api/contact', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(validForm()),
    });
    await kb.outbox.idle();
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [item] = dbOf(kb).select().from(contactOutbox).all();
      waits.push(item!.nextAttemptAt! - item!.lastAttemptAt!);
      // Nothing is due now, so asking for due work changes nothing.
      expect(await kb.outbox.deliverDue()).toBe(0);
      await kb.outbox.deliverDue(item!.nextAttemptAt!);
    }
    expect(down.requests).toHaveLength(5);
    expect(waits[0]).toBeGreaterThanOrEqual(15_000);
    expect(waits[3]!).toBeGreaterThan(waits[0]!);
  });
});
