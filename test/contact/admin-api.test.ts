import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactRig, validForm, type ContactRig } from '../helpers/contact.ts';
import { startReceiver, type Receiver } from '../helpers/receivers.ts';
import { openSession } from '../helpers/admin.ts';

const auth = { Authorization: 'Bearer test-admin-token-123456' };

describe('admin API for contact requests', () => {
  let receiver: Receiver;
  let rig: ContactRig;
  beforeEach(async () => {
    receiver = await startReceiver(0, 502);
    rig = await contactRig({ KB_WEBHOOK_URL: receiver.url });
    await rig.post(validForm({ subject: 'First' }));
    await rig.post(validForm({ subject: 'Second' }));
    await rig.kb.outbox.idle();
  });
  afterEach(async () => {
    await rig.stop();
    await receiver.close();
  });

  it('lists requests newest first with each channel state, only for the admin', async () => {
    expect((await rig.kb.app.request('/api/contact/requests')).status).toBe(401);
    const res = await rig.kb.app.request('/api/contact/requests?failing=1', { headers: auth });
    const { requests } = (await res.json()) as { requests: Array<{ subject: string; channels: Array<{ channel: string; state: string; lastError: string }> }> };
    expect(requests.map((r) => r.subject)).toEqual(['Second', 'First']);
    expect(requests[0]!.channels).toEqual([expect.objectContaining({ channel: 'webhook', state: 'retrying', lastError: 'webhook answered 502: down for maintenance' })]);
  });

  it('retries one request at once and says when there is nothing to retry', async () => {
    receiver.status = 200;
    const { requests } = (await (await rig.kb.app.request('/api/contact/requests', { headers: auth })).json()) as { requests: Array<{ id: number }> };
    const id = requests[1]!.id;
    const res = await rig.kb.app.request(`/api/contact/requests/${id}/retry`, { method: 'POST', headers: auth });
    expect(res.status).toBe(202);
    await rig.kb.outbox.idle();
    expect(receiver.requests.map((r) => JSON.parse(r.body).subject)).toEqual(['First', 'Second', 'First']);
    const again = await rig.kb.app.request(`/api/contact/requests/${id}/retry`, { method: 'POST', headers: auth });
    expect(again.status).toBe(404);
  });

  it('takes a retry on the dashboard cookie only from this site and with the session\'s CSRF token; Bearer is unaffected', async () => {
    const { requests } = (await (await rig.kb.app.request('/api/contact/requests', { headers: auth })).json()) as { requests: Array<{ id: number }> };
    const url = `/api/contact/requests/${requests[0]!.id}/retry`;
    const admin = await openSession(rig.kb);
    const post = (headers: Record<string, string>) => rig.kb.app.request(url, { method: 'POST', headers });
    expect((await post({ cookie: admin.cookie, origin: 'https://evil.example', 'x-csrf-token': admin.csrf })).status).toBe(403);
    expect((await post({ cookie: admin.cookie, 'sec-fetch-site': 'same-site', 'x-csrf-token': admin.csrf })).status).toBe(403);
    expect((await post({ cookie: admin.cookie })).status).toBe(403);
    expect((await post({ cookie: admin.cookie, 'x-csrf-token': (await openSession(rig.kb)).csrf })).status).toBe(403);
    expect((await post({ cookie: admin.cookie, origin: 'http://localhost', 'x-csrf-token': admin.csrf })).status).toBe(202);
    // A Bearer request cannot be made by another site's page, so where it comes from does not matter.
    expect((await post({ ...auth, origin: 'https://evil.example' })).status).toBe(202);
  });
});
