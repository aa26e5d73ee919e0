/** Cross-site request protection for admin forms: an Origin / Sec-Fetch-Site check plus a CSRF token. */
import { createHmac, randomBytes } from 'node:crypto';
import { tokensMatch } from '../../../api/admin/token.ts';

/** Name of the hidden form field every data-changing admin form carries. */
export const CSRF_FIELD = 'csrf';
/** Cookie holding the random value the login form is bound to (there is no session yet). */
export const LOGIN_NONCE_COOKIE = 'kb_login_nonce';

/**
 * The token a form carries: an HMAC, keyed with the admin token, of what the form is bound to
 * (the session cookie after login, the login nonce before). Nobody without the admin token can make one,
 * and a token taken from one session is worthless in another.
 */
export function csrfToken(adminToken: string, binding: string): string {
  return createHmac('sha256', adminToken).update(`kb-csrf-v1|${binding}`).digest('base64url');
}

/** True when the form's token matches the one for this binding (constant-time). */
export function csrfTokenValid(adminToken: string, binding: string | undefined, given: unknown): boolean {
  if (!binding || typeof given !== 'string' || given.length === 0) return false;
  return tokensMatch(given, csrfToken(adminToken, binding));
}

/** A fresh random value for the login nonce cookie. */
export function newNonce(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * True when the browser says the request came from our own pages. Browsers send Sec-Fetch-Site on every
 * request and Origin on every POST; a request with neither (curl, old clients) must still pass the token check.
 */
export function sameOriginRequest(headers: Headers, allowedOrigins: readonly string[]): boolean {
  const site = headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = headers.get('origin');
  if (origin && origin !== 'null' && !allowedOrigins.includes(origin)) return false;
  if (origin === 'null') return false;
  return true;
}
