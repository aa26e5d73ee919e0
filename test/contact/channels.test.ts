import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/env.ts';
import { contactOutbox, contactRequests } from '../../db/schema/index.ts';
import { contactRig, validForm, type ContactRig } from '../helpers/contact.ts';
import { dbOf } from '../helpers/db.ts';

describe('contact delivery channels from the configuration', () => {
  let rig: ContactRig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  it('still stores a request when no channel is configured, marked undeliverable, with nothing queued', async () => {
    rig = await contactRig();
    expect(rig.kb.outbox.channels).toEqual([]);
    expect((await rig.post(validForm())).status).toBe(201);
    expect(dbOf(rig.kb).select().from(contactRequests).all()[0]!.status).toBe('undeliverable');
    expect(dbOf(rig.kb).select().from(contactOutbox).all()).toEqual([]);
  });

  it('refuses a configuration with KB_SMTP_URL but no KB_CONTACT_TO, naming the missing setting', () => {
    expect(() => loadConfig({ KB_SMTP_URL: 'smtp://127.0.0.1:2525' })).toThrow(
      'KB_CONTACT_TO: is required when KB_SMTP_URL is set (the address contact requests are emailed to)',
    );
  });
});
