/** Middleware for every admin route: a Bearer token or the dashboard's session cookie, else 401. */
import { createHmac } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { fail } from '../errors.ts';
import { tokensMatch } from './token.ts';

export const SESSION_COOKIE = 'kb_admin';

/** The cookie value for a token: an HMAC of it, so the cookie never carries the token itself. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('kb-admin-session-v1').digest('base64url');
}

/** True when a request's Authorization header or cookie proves the admin token. */
export function isAdminRequest(headers: { authorization?: string | null; cookie?: string | null }, token: string): boolean {
  const auth = headers.authorization ?? '';
  if (auth.startsWith('Bearer ')) return tokensMatch(auth.slice(7).trim(), token);
  const cookie = headers.cookie ?? '';
  const match = cookie.split(/;\s*/).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return match ? tokensMatch(match.slice(SESSION_COOKIE.length + 1), sessionValue(token)) : false;
}

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const headers = { authorization: c.req.header('authorization'), cookie: c.req.header('cookie') };
  if (!isAdminRequest(headers, c.var.deps.adminToken)) {
    fail(401, 'This needs the admin token: send "Authorization: Bearer <token>" or log in at /admin/login.');
  }
  await next();
};
