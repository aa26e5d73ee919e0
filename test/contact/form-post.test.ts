import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formToken } from '../../api/contact/form-token.ts';
import { contactRejections, contactRequests } from '../../db/schema/index.ts';
import { contactRig, validForm, type ContactRig } from '../helpers/contact.ts';
import { startReceiver, type Receiver } from '../helpers/receivers.ts';
import { dbOf } from '../helpers/db.ts';

interface ErrorAnswer {
  error: { code: string; message: string; details: Array<{ path: string; code: string; message: string }> };
}

describe('POST /api/contact: validation and spam protection', () => {
  let receiver: Receiver;
  let rig: ContactRig;
  beforeEach(async () => {
    receiver = await startReceiver();
    rig = await contactRig({ KB_WEBHOOK_URL: receiver.url });
  });
  afterEach(async () => {
    await rig.stop();
    await receiver.close();
  });

  const nothingStoredOrDelivered = async () => {
    await rig.kb.outbox.idle();
    expect(dbOf(rig.kb).select().from(contactRequests).all()).toHaveLength(0);
    expect(receiver.requests).toHaveLength(0);
  };
  const rejections = () => Object.fromEntries(dbOf(rig.kb).select().from(contactRejections).all().map((r) => [r.reason, r.count]));

  it('lists every missing field by name, and stores nothing', async () => {
    const res = await rig.post(validForm({ email: undefined, subject: '  ', message: '' }));
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorAnswer;
    expect(body.error.details).toEqual([
      { path: 'email', code: 'required', message: 'Email is required.' },
      { path: 'subject', code: 'required', message: 'Subject is required.' },
      { path: 'message', code: 'required', message: 'Message is required.' },
    ]);
    expect(body.error.message).toContain('3 problems');
    await nothingStoredOrDelivered();
  });

  it('refuses an invalid email address, saying what a valid one looks like', async () => {
    const res = await rig.post(validForm({ email: 'ana at example' }));
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as ErrorAnswer;
    expect(error.details).toEqual([{ path: 'email', code: 'invalid_email', message: 'Email must be an email address such as name@example.com.' }]);
    await nothingStoredOrDelivered();
  });

  it('refuses a message over 5000 characters and a subject over 200', async () => {
    const res = await rig.post(validForm({ message: 'x'.repeat(5001), subject: 's'.repeat(201) }));
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as ErrorAnswer;
    expect(error.details).toEqual([
      { path: 'subject', code: 'too_long', message: 'Subject must be at most 200 characters.' },
      { path: 'message', code: 'too_long', message: 'Message must be at most 5000 characters.' },
    ]);
    await nothingStoredOrDelivered();
  });

  it('turns away a filled honeypot, says why, and counts it', async () => {
    const res = await rig.post(validForm({ website: 'http://cheap-pills.example' }));
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as ErrorAnswer;
    expect(error.details[0]).toMatchObject({ path: 'form', code: 'honeypot' });
    expect(error.message).toMatch(/looks automated/);
    await nothingStoredOrDelivered();
    expect(rejections()).toEqual({ honeypot: 1 });
  });

  it('turns away a form sent less than 3 seconds after it was rendered, and counts it', async () => {
    const res = await rig.post(validForm({}, 500));
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as ErrorAnswer;
    expect(error.details[0]).toMatchObject({ path: 'form', code: 'too_fast' });
    expect(error.message).toMatch(/wait a few seconds/);
    await nothingStoredOrDelivered();
    expect(rejections()).toEqual({ too_fast: 1 });
  });

  it('refuses a render time that was not signed by this server, or a form older than a day', async () => {
    const forged = `${Date.now() - 60_000}.${'A'.repeat(43)}`;
    expect((await rig.post(validForm({ t: forged }))).status).toBe(422);
    expect((await rig.post(validForm({ t: formToken('some-other-secret-0000', Date.now() - 60_000) }))).status).toBe(422);
    expect((await rig.post(validForm({ t: undefined }))).status).toBe(422);
    const stale = await rig.post(validForm({}, 25 * 60 * 60_000));
    expect(((await stale.json()) as ErrorAnswer).error.details[0]!.code).toBe('expired');
    await nothingStoredOrDelivered();
    expect(rejections()).toEqual({ bad_token: 3, expired: 1 });
  });

  it('limits one visitor to 5 requests an hour and counts what it turned away', async () => {
    for (let i = 0; i < 5; i++) expect((await rig.post(validForm({ subject: `Question ${i}` }))).status).toBe(201);
    const res = await rig.post(validForm());
    expect(res.status).toBe(429);
    expect(((await res.json()) as ErrorAnswer).error.message).toMatch(/5 requests in the last hour/);
    expect(dbOf(rig.kb).select().from(contactRequests).all()).toHaveLength(5);
    expect(rejections()).toEqual({ rate_limited: 1 });
  });

  it('accepts a plain form post (no JavaScript) and redirects to the confirmation page with 303', async () => {
    const form = new URLSearchParams(validForm({ locale: 'fa' }) as Record<string, string>);
    const res = await rig.kb.app.request('/api/contact', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
      body: form.toString(),
    });
    expect(res.status).toBe(303);
    // The confirmation carries the reference the customer quotes (the same one the webhook and e-mail carry).
    expect(res.headers.get('location')).toMatch(/^\/fa\/contact\/sent\?ref=KB-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(dbOf(rig.kb).select().from(contactRequests).all()).toHaveLength(1);
  });

  it('sends a plain form post with errors back to the form, naming each field and problem', async () => {
    const form = new URLSearchParams(validForm({ email: 'nope', message: '' }) as Record<string, string>);
    const res = await rig.kb.app.request('/api/contact', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!, 'http://x');
    expect(location.pathname).toBe('/contact');
    expect(location.searchParams.get('errors')).toBe('email:invalid_email,message:required');
    expect(location.searchParams.get('from')).toBe('update-billing-details');
    await nothingStoredOrDelivered();
  });

  it('refuses a form posted from another site', async () => {
    const form = new URLSearchParams(validForm() as Record<string, string>);
    const res = await rig.kb.app.request('/api/contact', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      body: form.toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('errors=form%3Across_site');
    await nothingStoredOrDelivered();
    expect(rejections()).toEqual({ cross_site: 1 });
  });

  it('answers other content types with 415 and malformed JSON with 400', async () => {
    const text = await rig.kb.app.request('/api/contact', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hi' });
    expect(text.status).toBe(415);
    const bad = await rig.kb.app.request('/api/contact', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"email":' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorAnswer).error.message).toBe('The body is not valid JSON.');
  });
});
