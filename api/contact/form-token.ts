/** The form's signed render time: `<epoch ms>.<HMAC>`, so "submitted too fast" cannot be beaten by sending an old time. */
import { createHmac } from 'node:crypto';
import { tokensMatch } from '../admin/token.ts';

/** A person needs at least this long to fill in the form. */
export const MIN_FILL_MS = 3_000;
/** A form left open longer than this must be reloaded (the token is then refused as expired). */
export const MAX_FORM_AGE_MS = 24 * 60 * 60_000;

export type TokenCheck = 'ok' | 'bad_token' | 'too_fast' | 'expired';

// The admin token is the server's one secret; a derived key keeps the form token from revealing anything about it.
const keyFrom = (secret: string) => createHmac('sha256', secret).update('kb-contact-form-v1').digest();

const mac = (secret: string, renderedAt: number) =>
  createHmac('sha256', keyFrom(secret)).update(String(renderedAt)).digest('base64url');

/** The hidden field's value for a form rendered at `renderedAt`. */
export function formToken(secret: string, renderedAt: number): string {
  return `${renderedAt}.${mac(secret, renderedAt)}`;
}

/** Checks a posted token against the time it is checked at. */
export function checkFormToken(secret: string, token: string | undefined, at: number): TokenCheck {
  const match = /^(\d{1,15})\.([\w-]{43})$/.exec(token ?? '');
  if (!match) return 'bad_token';
  const renderedAt = Number(match[1]);
  if (!tokensMatch(match[2]!, mac(secret, renderedAt))) return 'bad_token';
  if (at - renderedAt < MIN_FILL_MS) return 'too_fast';
  if (at - renderedAt > MAX_FORM_AGE_MS) return 'expired';
  return 'ok';
}
