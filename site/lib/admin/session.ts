/** The dashboard's login session as pages see it: cookie attributes, where to go after login, the request's session. */
import type { Session } from '../../../api/admin/sessions.ts';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE } from '../../../api/admin/sessions.ts';

export { SESSION_COOKIE };

export interface CookieOptions {
  httpOnly: true;
  sameSite: 'strict';
  path: string;
  secure: boolean;
  maxAge?: number;
}

/**
 * Session cookies are HttpOnly, SameSite=Strict, whole-site, Secure whenever the site is served over https, and
 * kept by the browser no longer than the session can live.
 */
export function sessionCookieOptions(siteUrl: string, path = '/'): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', path, secure: siteUrl.startsWith('https:'), maxAge: SESSION_ABSOLUTE_MS / 1000 };
}

// Keyed by the request: Astro.locals is shared by every request (api/server.ts).
const sessions = new WeakMap<Request, Session>();

/** Called by the middleware once it found the request's live session. */
export function rememberSession(request: Request, session: Session): void {
  sessions.set(request, session);
}

/** The live session of an /admin request (the middleware lets no other through, the login page aside). */
export function adminSession(request: Request): Session | undefined {
  return sessions.get(request);
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
