/** What the /contact page shows for a request: a fresh form, the errors of a refused plain post, or a redirect after a stored one. */
import type { Runtime } from '../../../api/runtime.ts';
import { clientOf } from '../../../api/contact/client.ts';
import { sentPath } from '../../../api/contact/paths.ts';
import { submitContact } from '../../../api/contact/submit.ts';
import type { Locale } from '../../../db/shared/locales.ts';
import { translator } from '../../i18n/t.ts';
import { resolveClientIp } from '../../../api/http/client-ip.ts';
import { errorsFromQuery, messageFor } from './messages.ts';

export interface ShownError {
  field: string;
  message: string;
}

export interface FormValues {
  email: string;
  subject: string;
  message: string;
  account: string;
}

export type ContactPageState =
  | { redirect: string }
  | { status: number; values: FormValues; errors: ShownError[]; from: string | undefined };

/** Runs in the page itself (not a component) so it may set the status or redirect before anything streams. */
export async function contactPageState(request: Request, url: URL, socketAddress: () => string, kb: Runtime, locale: Locale): Promise<ContactPageState> {
  const tr = translator(locale);
  const values: FormValues = { email: '', subject: '', message: '', account: '' };
  if (request.method !== 'POST') {
    const errors = errorsFromQuery(url.searchParams.get('errors')).map((e) => ({ field: e.field, message: messageFor(tr, e.field, e.code) }));
    return { status: 200, values, errors, from: url.searchParams.get('from') ?? undefined };
  }
  // Without JavaScript the form posts here, so a mistake comes back with what was typed still in place.
  const form = await request.formData();
  const raw: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === 'string') raw[k] = v;
  raw.locale = locale;
  const at = Date.now();
  const ip = resolveClientIp(request.headers.get('x-forwarded-for'), socketAddress, kb.config.trustProxy);
  const client = clientOf(kb.db, { url: request.url, headers: request.headers, ip }, at);
  const result = submitContact({ db: kb.db, config: kb.config, adminToken: kb.admin.token, outbox: kb.outbox }, raw, client, at);
  if (result.ok) return { redirect: sentPath(locale) };
  for (const k of Object.keys(values) as Array<keyof FormValues>) values[k] = raw[k] ?? '';
  return {
    status: result.status,
    values,
    errors: result.errors.map((e) => ({ field: e.field, message: messageFor(tr, e.field, e.code) })),
    from: raw.from || undefined,
  };
}
