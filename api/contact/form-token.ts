/**
 * The form's signed token: `<render time ms>.<random>.<HMAC>` keyed with KB_SECRET, so "submitted too fast" cannot be
 * beaten by sending an old time, and two forms never share a token (each is good for one stored request).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { tokensMatch } from '../admin/token.ts';

/** A person needs at least this long to fill in the form. */
export const MIN_FILL_MS = 3_000;
/** A form left open longer than this must be reloaded (the token is then refused as expired). */
export const MAX_FORM_AGE_MS = 24 * 60 * 60_000;

export type TokenCheck = 'ok' | 'bad_token' | 'too_fast' | 'expired';

const mac = (secret: string, body: string) => createHmac('sha256', secret).update(`kb-contact-form-v2|${body}`).digest('base64url');

/** The hidden field's value for a form rendered at `renderedAt`. */
export function formToken(secret: string, renderedAt: number): string {
  const body = `${renderedAt}.${randomBytes(12).toString('base64url')}`;
  return `${body}.${mac(secret, body)}`;
}

/** Checks a posted token against the time it is checked at (whether it was used already is the store's to say). */
export function checkFormToken(secret: string, token: string | undefined, at: number): TokenCheck {
  const match = /^((\d{1,15})\.[\w-]{16})\.([\w-]{43})$/.exec(token ?? '');
  if (!match) return 'bad_token';
  if (!tokensMatch(match[3]!, mac(secret, match[1]!))) return 'bad_token';
  const renderedAt = Number(match[2]);
  if (at - renderedAt < MIN_FILL_MS) return 'too_fast';
  if (at - renderedAt > MAX_FORM_AGE_MS) return 'expired';
  return 'ok';
}

/** What is stored of a used token, and until when it must be remembered (after that it is refused as expired). */
export function usedToken(token: string): { tokenHash: string; expiresAt: number } {
  const renderedAt = Number(token.split('.')[0]);
  return { tokenHash: createHash('sha256').update(token).digest('base64url'), expiresAt: renderedAt + MAX_FORM_AGE_MS };
}
