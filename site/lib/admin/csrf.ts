/** Names the dashboard's forms share for cross-site request protection (tokens come from api/admin/sessions.ts). */
import { randomBytes } from 'node:crypto';

/** Name of the hidden form field every data-changing admin form carries, first in the form. */
export const CSRF_FIELD = 'csrf';
/** Cookie holding the random value the login form is bound to (there is no session yet). */
export const LOGIN_NONCE_COOKIE = 'kb_login_nonce';

/** A fresh random value for the login nonce cookie. */
export function newNonce(): string {
  return randomBytes(24).toString('base64url');
}
