/** The client's address: the socket's, or the one a trusted reverse proxy reports (KB_TRUST_PROXY=1). */
import type { Context } from 'hono';
import { isIPv6 } from 'node:net';
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

/**
 * The key a per-address limit counts under: an IPv4 address as it is (IPv4-mapped IPv6 included), an IPv6
 * address by its /64, since anyone holding one /64 can use 2^64 addresses in it.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
