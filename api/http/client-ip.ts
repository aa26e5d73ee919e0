/** The client's address: the socket's, or the one a trusted reverse proxy reports (KB_TRUST_PROXY=1). */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * With a proxy trusted, the right-most X-Forwarded-For entry is the address the proxy itself saw;
 * entries to its left come from the client and could be forged to dodge the rate limit.
 * Shared by Hono routes (clientIp) and Astro pages (the contact form), which reach the socket differently.
 */
export function resolveClientIp(forwardedFor: string | null | undefined, socketAddress: () => string | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const last = forwardedFor?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  try {
    return socketAddress() ?? '';
  } catch {
    // app.request() in tests has no socket.
    return '';
  }
}

export function clientIp(c: Context, trustProxy: boolean): string {
  return resolveClientIp(c.req.header('x-forwarded-for'), () => getConnInfo(c).remote.address, trustProxy);
}
