/** The contact form's error messages in the page's language, keyed `field:code`, for the server render and the script. */
import { LIMITS, type ErrorCode, type FieldError, type FieldName } from '../../../db/shared/contact-fields.ts';
import type { Translator } from '../../i18n/t.ts';
import type { MessageKey } from '../../i18n/dictionaries/en.ts';

const INPUTS = ['email', 'subject', 'message', 'account'] as const;
const FIELD_CODES: ErrorCode[] = ['required', 'invalid_email', 'too_long', 'invalid'];
const FORM_CODES: ErrorCode[] = ['honeypot', 'too_fast', 'bad_token', 'expired', 'already_sent', 'rate_limited', 'cross_site'];

/** One localized sentence for an error. */
export function messageFor(tr: Translator, field: FieldName, code: ErrorCode): string {
  if (field === 'form' || FORM_CODES.includes(code)) return tr.t(`contact.error.${code}` as MessageKey);
  const label = (INPUTS as readonly string[]).includes(field) ? tr.t(`contact.field.${field}` as MessageKey) : field;
  if (code === 'too_long') return tr.t('contact.error.too_long', { field: label, max: LIMITS[field as keyof typeof LIMITS] ?? 0 });
  if (code === 'invalid_email') return tr.t('contact.error.invalid_email');
  return tr.t(`contact.error.${code === 'required' ? 'required' : 'invalid'}`, { field: label });
}

/** Every message the script may need, so it shows the same words as the server. */
export function messageTable(tr: Translator): Record<string, string> {
  const out: Record<string, string> = { 'form:network': tr.t('contact.error.network') };
  for (const field of INPUTS) for (const code of FIELD_CODES) out[`${field}:${code}`] = messageFor(tr, field, code);
  for (const code of FORM_CODES) out[`form:${code}`] = messageFor(tr, 'form', code);
  return out;
}

/** Errors carried back in `?errors=field:code,...` by a plain form post to /api/contact. */
export function errorsFromQuery(value: string | null): Array<Pick<FieldError, 'field' | 'code'>> {
  if (!value) return [];
  const known = new Set<string>(['email', 'subject', 'message', 'account', 'locale', 'from', 'form']);
  return value
    .split(',')
    .slice(0, 10)
    .map((pair) => pair.split(':') as [string, string])
    .filter(([field, code]) => known.has(field) && /^[a-z_]{1,20}$/.test(code ?? ''))
    .map(([field, code]) => ({ field: field as FieldName, code: code as ErrorCode }));
}
