/**
 * Middleware for every admin route: a Bearer token (throttled per client address when wrong) or a dashboard
 * session cookie; a state-changing request on the cookie must also come from this site and carry the session's
 * CSRF token (SPEC 8). Admin answers are never cached.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { fail } from '../errors.ts';
import { clientIp } from '../http/client-ip.ts';
import { tokensMatch } from './token.ts';
import { sessionCookie, type Session } from './sessions.ts';
import { isSameOriginRequest } from '../http/same-origin.ts';

/** Where a cookie-authenticated API client sends the session's CSRF token (the dashboard shows it in its forms). */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type AdminAuth = { by: 'bearer' } | { by: 'session'; session: Session };

/** Who an API request is from, or an HTTPException (401, 403, 429) saying why it is refused. */
export async function authorizeAdmin(c: Context<AppEnv>): Promise<AdminAuth> {
  const { adminToken, sessions, throttle, config } = c.var.deps;
  const authorization = c.req.header('authorization');
  if (authorization !== undefined) {
    const ip = clientIp(c, config.trustProxy);
    if (await throttle.blocked(ip)) {
      c.header('Retry-After', '60');
      fail(429, 'Too many wrong admin tokens from this address; wait a minute before trying again.');
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match && tokensMatch(match[1]!, adminToken)) return { by: 'bearer' };
    await throttle.failed(ip);
    fail(401, 'That is not the admin token: send "Authorization: Bearer <token>" (`npm run kb -- token` prints it).');
  }
  const session = await sessions.find(sessionCookie(c.req.header('cookie')));
  if (!session) fail(401, 'This needs the admin token: send "Authorization: Bearer <token>" or log in at /admin/login.');
  if (!SAFE_METHODS.has(c.req.method)) {
    const headers = c.req.raw.headers;
    if (!isSameOriginRequest(headers, c.req.url, config.siteUrl)) fail(403, 'This request came from another site, so it was refused.');
    if (!sessions.csrfMatches(session.idHash, headers.get(CSRF_HEADER))) {
      fail(403, `A request made with the dashboard's cookie must carry its CSRF token in the ${CSRF_HEADER} header.`);
    }
  }
  return { by: 'session', session };
}

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  // Set first, so refusals are not cached either.
  c.header('Cache-Control', 'no-store');
  await authorizeAdmin(c);
  await next();
};
