import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { verifySignature } from '../../api/contact/signature.ts';
import { contactOutbox, contactRequests } from '../../db/schema/index.ts';
import { contactRig, validForm, type ContactRig } from '../helpers/contact.ts';
import { startReceiver, startSmtp, type Mailbox, type Receiver } from '../helpers/receivers.ts';
import { DESKTOP_UA } from '../helpers/browser.ts';
import { dbOf } from '../helpers/db.ts';

const SECRET = 'hook-secret-for-tests';

describe('contact delivery to a real webhook and SMTP server', () => {
  let receiver: Receiver;
  let mailbox: Mailbox;
  let rig: ContactRig;

  beforeEach(async () => {
    receiver = await startReceiver();
    mailbox = await startSmtp();
    rig = await contactRig({
      KB_WEBHOOK_URL: receiver.url,
      KB_WEBHOOK_SECRET: SECRET,
      KB_SMTP_URL: mailbox.url,
      KB_CONTACT_TO: 'support@example.com',
      KB_SITE_URL: 'https://help.example.com',
    });
  });
  afterEach(async () => {
    await rig.stop();
    await receiver.close();
    await mailbox.close();
  });

  it('stores the request, answers 201, then posts it to the webhook signed with HMAC-SHA256', async () => {
    const res = await rig.post(validForm());
    expect(res.status).toBe(201);
    const answer = (await res.json()) as { id: string; reference: string; confirmation: string };
    expect(answer.reference).toMatch(/^KB-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(answer.confirmation).toBe(`/contact/sent?ref=${answer.reference}`);
    await rig.kb.outbox.idle();

    expect(receiver.requests).toHaveLength(1);
    const { body, headers } = receiver.requests[0]!;
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-kb-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(body, SECRET, headers['x-kb-signature'] as string)).toBe(true);
    expect(verifySignature(body, 'another-secret', headers['x-kb-signature'] as string)).toBe(false);
    expect(headers['idempotency-key']).toBe(answer.id);
    const payload = JSON.parse(body);
    expect(payload).toMatchObject({
      type: 'contact.request',
      id: answer.id,
      reference: answer.reference,
      email: 'ana@example.com',
      subject: 'Invoice shows the wrong VAT number',
      account: 'ORD-1042',
      locale: 'en',
      fromArticle: { slug: 'update-billing-details', url: 'https://help.example.com/articles/update-billing-details' },
      viewedArticles: [],
    });

    const [row] = dbOf(rig.kb).select().from(contactRequests).all();
    expect(row!.status).toBe('delivered');
    const items = dbOf(rig.kb).select().from(contactOutbox).all();
    expect(items.every((i) => i.deliveredAt !== null && i.attempts === 1)).toBe(true);
  });

  it('emails the request to KB_CONTACT_TO with the reference and subject, Reply-To the customer and the message', async () => {
    const { reference } = (await (await rig.post(validForm({ locale: 'ru' }))).json()) as { reference: string };
    await rig.kb.outbox.idle();

    expect(mailbox.messages).toHaveLength(1);
    const mail = mailbox.messages[0]!;
    expect(mail.to).toEqual(['support@example.com']);
    expect(mail.raw).toMatch(new RegExp(`^Subject: \\[${reference}\\] Invoice shows the wrong VAT number$`, 'm'));
    expect(mail.raw).toContain(`Reference: ${reference}`);
    expect(mail.raw).toMatch(/^Reply-To: ana@example\.com$/m);
    expect(mail.raw).toContain('Hello, my March invoice shows an old VAT number. Can you fix it?');
    expect(mail.raw).toContain('Order or account: ORD-1042');
    expect(mail.raw).toContain('https://help.example.com/ru/articles/update-billing-details');
  });

  it('keeps delivering the other channel when one fails, and records the failure on that channel only', async () => {
    receiver.status = 503;
    await rig.post(validForm());
    await rig.kb.outbox.idle();

    expect(mailbox.messages).toHaveLength(1);
    const items = dbOf(rig.kb).select().from(contactOutbox).all();
    const hook = items.find((i) => i.channel === 'webhook')!;
    const mail = items.find((i) => i.channel === 'email')!;
    expect(mail.deliveredAt).not.toBeNull();
    expect(hook.deliveredAt).toBeNull();
    expect(hook.lastError).toContain('webhook answered 503');
    expect(hook.nextAttemptAt).toBeGreaterThan(Date.now());
    const [row] = dbOf(rig.kb).select().from(contactRequests).where(eq(contactRequests.id, hook.requestId)).all();
    expect(row!.status).toBe('queued');
  });

  it('attaches the articles the customer viewed in this session, first view first, to the delivered request', async () => {
    const view = (article: string, pv: string) =>
      rig.kb.app.request('/api/events', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'User-Agent': DESKTOP_UA },
        body: JSON.stringify({ type: 'view', pv, path: `/articles/${article}`, article, locale: 'en' }),
      });
    expect((await view('reset-your-password', 'pv1')).status).toBe(202);
    expect((await view('set-up-two-factor-authentication', 'pv2')).status).toBe(202);
    expect((await view('reset-your-password', 'pv3')).status).toBe(202);

    const res = await rig.post(validForm(), { 'User-Agent': DESKTOP_UA });
    expect(res.status).toBe(201);
    await rig.kb.outbox.idle();
    const payload = JSON.parse(receiver.requests[0]!.body);
    expect(payload.viewedArticles).toEqual([
      { slug: 'reset-your-password', url: 'https://help.example.com/articles/reset-your-password', title: 'Reset your password' },
      { slug: 'set-up-two-factor-authentication', url: 'https://help.example.com/articles/set-up-two-factor-authentication', title: expect.stringMatching(/two-factor/i) },
    ]);
    expect(mailbox.messages[0]!.raw).toContain('- Reset your password https://help.example.com/articles/reset-your-password');
  });
});
