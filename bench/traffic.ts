/** Realistic request bodies and visitor headers for the ingest benchmark. */

const ARTICLES = ['reset-password', 'change-plan', 'export-invoices', 'two-factor', 'cancel-subscription', 'api-keys', 'team-roles', 'refund-policy'];
const QUERIES = ['reset password', 'invoice pdf', 'cancel', 'refund', '2fa lost phone', 'add teammate', 'api rate limit'];
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36',
];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
const hex = (i: number) => (i * 2654435761 >>> 0).toString(16).padStart(8, '0');

/** `n` JSON bodies, one event each, in the mix a help center sees (mostly views and reads). */
export function eventBodies(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const article = pick(ARTICLES, i);
    const page = { pv: `${hex(i)}${hex(i + 7)}${hex(i + 13)}`, path: `/articles/${article}`, locale: 'en', article };
    const kind = i % 10;
    const event =
      kind < 4 ? { type: 'view', ...page, referrer: 'https://www.google.com/' }
      : kind < 7 ? { type: 'read', ...page, seconds: (i * 7) % 300, scroll: (i * 13) % 101 }
      : kind === 7 ? { type: 'search', pv: page.pv, path: '/search', locale: 'en', query: pick(QUERIES, i), results: i % 6 }
      : kind === 8 ? { type: 'vote', ...page, helpful: i % 3 !== 0 }
      : i % 2 ? { type: 'search_click', pv: page.pv, path: '/search', locale: 'en', query: pick(QUERIES, i), position: 1 + (i % 5) }
      : { type: 'contact', ...page, via: 'cta' };
    return JSON.stringify(event);
  });
}

/** Headers for `n` distinct visitors behind a trusted proxy. */
export function visitorHeaders(n: number): Array<Record<string, string>> {
  return Array.from({ length: n }, (_, i) => ({
    'content-type': 'text/plain;charset=UTF-8',
    'user-agent': pick(AGENTS, i),
    'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
  }));
}
