/**
 * Defect 8: limits hold per client address as well as per visitor, so a client cannot escape them by changing its
 * user agent; a contact form token is good for one stored request.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { eventsApp, type EventsApp } from '../helpers/events.ts';
import { contactRig, validForm, type ContactRig } from '../helpers/contact.ts';
import { contactRequests } from '../../db/schema/index.ts';
import { dbOf } from '../helpers/db.ts';
import { ADDRESS_REQUESTS_PER_HOUR, REQUESTS_PER_HOUR } from '../../api/contact/submit.ts';

const view = { type: 'view', pv: 'pv-1' };
const ua = (i: number) => `Mozilla/5.0 (X11; Linux x86_64; rv:${100 + i}.0) Gecko/20100101 Firefox/${100 + i}.0`;

describe('events from one address with a new user agent each time', () => {
  let t: EventsApp;
  afterEach(() => t.cleanup());

  it('stop at the address limit (600 a minute by default), while another address is served', async () => {
    t = eventsApp();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await t.post({ events: Array(50).fill(view) }, { ip: '198.51.100.20', ua: ua(i) })).status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(12);
    expect(statuses.slice(12).every((s) => s === 429)).toBe(true);
    expect(t.rows()).toHaveLength(600);
    expect((await t.post(view, { ip: '198.51.100.21', ua: ua(0) })).status).toBe(202);
  });

  it('leave a browser\'s own visitor limit as it was', async () => {
    t = eventsApp({ KB_RATE_LIMIT: '5' });
    for (let i = 0; i < 5; i++) expect((await t.post(view, { ip: '198.51.100.30' })).status).toBe(202);
    expect((await t.post(view, { ip: '198.51.100.30' })).status).toBe(429);
    // A second browser at the same address has its own visitor bucket, and the address has room.
    expect((await t.post(view, { ip: '198.51.100.30', ua: ua(1) })).status).toBe(202);
  });

  it('refuses an over-limit batch from an address whole: nothing of it stored, nothing taken', async () => {
    t = eventsApp({ KB_RATE_LIMIT_PER_ADDRESS: '60' });
    expect((await t.post({ events: Array(50).fill(view) }, { ip: '198.51.100.40', ua: ua(1) })).status).toBe(202);
    expect((await t.post({ events: Array(20).fill(view) }, { ip: '198.51.100.40', ua: ua(2) })).status).toBe(429);
    expect((await t.post({ events: Array(10).fill(view) }, { ip: '198.51.100.40', ua: ua(3) })).status).toBe(202);
    expect(t.rows()).toHaveLength(60);
  });
});

describe('contact requests', () => {
  let rig: ContactRig;
  afterEach(() => rig.stop());

  const stored = () => dbOf(rig.kb).select().from(contactRequests).all().length;

  it('take each form token once: the same token again is refused and stores nothing', async () => {
    rig = await contactRig({ KB_TRUST_PROXY: '1' });
    const form = validForm();
    expect((await rig.post(form)).status).toBe(201);
    const again = await rig.post({ ...form, subject: 'Same token, second time' });
    expect(again.status).toBe(422);
    expect(((await again.json()) as { error: { details: Array<{ code: string }> } }).error.details[0]!.code).toBe('already_sent');
    expect(stored()).toBe(1);
  });

  it('keep a token whose form had mistakes good for the corrected form', async () => {
    rig = await contactRig();
    const form = validForm();
    expect((await rig.post({ ...form, email: 'not an address' })).status).toBe(422);
    expect((await rig.post(form)).status).toBe(201);
  });

  it(`limit one address to ${ADDRESS_REQUESTS_PER_HOUR} an hour however many user agents it claims`, async () => {
    rig = await contactRig({ KB_TRUST_PROXY: '1' });
    const from = (i: number, ip = '198.51.100.50') => ({ 'x-forwarded-for': ip, 'user-agent': ua(i) });
    for (let i = 0; i < ADDRESS_REQUESTS_PER_HOUR; i++) expect((await rig.post(validForm({ subject: `Q${i}` }), from(i))).status).toBe(201);
    expect((await rig.post(validForm(), from(99))).status).toBe(429);
    expect((await rig.post(validForm(), from(99, '198.51.100.51'))).status).toBe(201);
    expect(stored()).toBe(ADDRESS_REQUESTS_PER_HOUR + 1);
    expect(REQUESTS_PER_HOUR).toBeLessThan(ADDRESS_REQUESTS_PER_HOUR);
  });
});
