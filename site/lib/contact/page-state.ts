/** What the /contact page shows for a request: a fresh form, the errors of a refused plain post, or a redirect after a stored one. */
import type { Runtime } from '../../../api/runtime.ts';
import { sentPath } from '../../../api/contact/paths.ts';
import type { Locale } from '../../../db/shared/locales.ts';
import { LIMITS, type FieldError } from '../../../db/shared/contact-fields.ts';
import { translator } from '../../i18n/t.ts';
import { callApi } from '../api.ts';
import { errorsFromQuery, messageFor } from './messages.ts';
import { postedForm } from '../forms/posted-form.ts';

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
  // Read within its bound by site/middleware.ts.
  const form = request.method === 'POST' ? postedForm(request) : undefined;
  if (!form) {
    const errors = errorsFromQuery(url.searchParams.get('errors')).map((e) => ({ field: e.field, message: messageFor(tr, e.field, e.code) }));
    // From a search that found no full answer (/contact?q=...): the customer's words become the subject.
    values.subject = (url.searchParams.get('q') ?? '').trim().slice(0, LIMITS.subject);
    return { status: 200, values, errors, from: url.searchParams.get('from') ?? undefined };
  }
  // Without JavaScript the form posts here, so a mistake comes back with what was typed still in place.
  const raw: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === 'string') raw[k] = v;
  raw.locale = locale;
  let clientAddress = '';
  try {
    clientAddress = socketAddress();
  } catch {
    // Rendered without a socket (tests); the API then sees no address, as app.request() would.
  }
  // Stored through POST /api/contact like every other way in, so spam checks, limits and storage are the API's.
  const result = await callApi<{ reference: string }>(kb, '/api/contact', { method: 'POST', body: raw, from: { request, clientAddress } });
  if (result.ok) return { redirect: sentPath(locale, result.data.reference) };
  for (const k of Object.keys(values) as Array<keyof FormValues>) values[k] = raw[k] ?? '';
  const problems = (Array.isArray(result.details) ? result.details : []) as Array<{ path: string; code?: string }>;
  const shown = problems.length ? problems : [{ path: 'form', code: 'network' }];
  return {
    status: result.status,
    values,
    errors: shown.map((e) => {
      const field = (e.path || 'form') as FieldError['field'];
      return { field, message: messageFor(tr, field, (e.code ?? 'network') as FieldError['code']) };
    }),
    from: raw.from || undefined,
  };
}
