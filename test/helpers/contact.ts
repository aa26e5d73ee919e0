/** A runtime (database, app, outbox) on a temp database for contact tests, and a valid form to post. */
import { createRuntime, type Runtime } from '../../api/runtime.ts';
import { formToken } from '../../api/contact/form-token.ts';
import { TEST_SECRET, tempDb, type TempDb } from './db.ts';

export interface ContactRig {
  kb: Runtime;
  temp: TempDb;
  post(body: Record<string, unknown>, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

export async function contactRig(env: Record<string, string> = {}): Promise<ContactRig> {
  const temp = tempDb({ KB_ADMIN_TOKEN: 'test-admin-token-123456', ...env });
  const kb = await createRuntime(temp.config);
  return {
    kb,
    temp,
    post: async (body, headers = {}) =>
      kb.app.request('/api/contact', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    async stop() {
      await kb.close();
      temp.cleanup();
    },
  };
}

/** A form as the page renders it, opened `ageMs` ago, with overrides. */
export function validForm(overrides: Record<string, unknown> = {}, ageMs = 10_000): Record<string, unknown> {
  return {
    email: 'ana@example.com',
    subject: 'Invoice shows the wrong VAT number',
    message: 'Hello, my March invoice shows an old VAT number. Can you fix it?',
    account: 'ORD-1042',
    locale: 'en',
    from: 'update-billing-details',
    website: '',
    t: formToken(TEST_SECRET, Date.now() - ageMs),
    ...overrides,
  };
}
