/**
 * One spelling per path, decided once at the front door (api/server.ts) before anything routes on it, so
 * `/%61pi/events`, `/./api/events`, `/x/../api/events` and `//api/events` all reach the API as `/api/events`,
 * with the client's address, instead of reaching Astro's catch-all as some other path.
 */

/** RFC 3986 unreserved characters: the only ones whose percent-encoding means nothing (section 6.2.2.2). */
const UNRESERVED = /[A-Za-z0-9\-._~]/;

export type NormalizedTarget = { ok: true; path: string; search: string } | { ok: false; reason: string };

/**
 * Splits a request target (`req.url`) into a normalised path and the query: percent-encodings of unreserved
 * characters decoded and the rest upper-cased, backslashes read as slashes (as browsers and WHATWG URLs do),
 * empty, `.` and `..` segments removed. A target that is not a path, or has a broken percent-encoding, is refused.
 */
export function normalizeTarget(target: string): NormalizedTarget {
  if (!target.startsWith('/')) return { ok: false, reason: 'the request target is not a path' };
  const q = target.indexOf('?');
  const rawPath = q === -1 ? target : target.slice(0, q);
  const search = q === -1 ? '' : target.slice(q);
  const out: string[] = [];
  const segments = rawPath.replace(/\\/g, '/').split('/');
  for (let i = 1; i < segments.length; i++) {
    const segment = normalizeSegment(segments[i]!);
    if (segment === undefined) return { ok: false, reason: 'the path has a broken percent-encoding' };
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  // A trailing slash is kept (`/fa/` is a page); a trailing dot segment ends in a slash as URLs resolve it.
  const last = segments[segments.length - 1]!;
  const trailing = out.length > 0 && (last === '' || normalizeSegment(last) === '.' || normalizeSegment(last) === '..');
  return { ok: true, path: `/${out.join('/')}${trailing ? '/' : ''}`, search };
}

function normalizeSegment(segment: string): string | undefined {
  if (!segment.includes('%')) return segment;
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    const hex = segment.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
    const decoded = String.fromCharCode(parseInt(hex, 16));
    out += UNRESERVED.test(decoded) ? decoded : `%${hex.toUpperCase()}`;
    i += 2;
  }
  return out;
}

/** True for the API's own paths, the only ones Hono answers. */
export const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');
