/** The dashboard's login session: cookie attributes, where to go after login, who is logged in. */
import { isAdminRequest, SESSION_COOKIE, sessionValue } from '../../../api/admin/require-admin.ts';

export { SESSION_COOKIE, sessionValue };

export interface CookieOptions {
  httpOnly: true;
  sameSite: 'strict';
  path: string;
  secure: boolean;
  maxAge?: number;
}

/** Session cookies are HttpOnly, SameSite=Strict, whole-site, and Secure whenever the site is served over https. */
export function sessionCookieOptions(siteUrl: string, path = '/'): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', path, secure: siteUrl.startsWith('https:') };
}

/** True when the request carries a valid session cookie (or a Bearer token). */
export function isLoggedIn(request: Request, adminToken: string): boolean {
  return isAdminRequest(
    { authorization: request.headers.get('authorization'), cookie: request.headers.get('cookie') },
    adminToken,
  );
}

/**
 * Where to send someone after login: only a path inside /admin on this site, so the `next` parameter
 * can never be turned into an open redirect (`//evil.example`, `https://...`, `/\evil`).
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !/^\/admin(?:[/?#]|$)/.test(next) || /[\\\r\n]/.test(next) || next.startsWith('/admin/login')) {
    return '/admin';
  }
  return next;
}

/** The origins a browser form of ours can post from: the request's own and the configured KB_SITE_URL. */
export function allowedOrigins(requestUrl: URL, siteUrl: string): string[] {
  const origins = [requestUrl.origin];
  try {
    origins.push(new URL(siteUrl).origin);
  } catch {
    // KB_SITE_URL is validated at start; nothing to add if it somehow is not a URL.
  }
  return origins;
}
