import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { contentArticles } from '../helpers/published.ts';

// The running site URL differs from the one the pages were built with on purpose: the sitemap and robots.txt
// follow the running KB_SITE_URL, page heads the build's (npm start rebuilds when they differ; docs/site.md).
const SITE = 'https://help.example.com';
const built = (JSON.parse(readFileSync(fileURLToPath(new URL('../../dist/.built', import.meta.url)), 'utf8')) as { siteUrl: string }).siteUrl;
const buildOrigin = new URL(built).origin;

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ KB_SITE_URL: SITE });
});
afterAll(() => server?.stop());

const get = (path: string) => fetch(server.url + encodeURI(path));
const html = async (path: string) => (await get(path)).text();
const published = contentArticles().filter((a) => !a.draft);
const drafts = contentArticles().filter((a) => a.draft);

interface UrlEntry {
  loc: string;
  lastmod?: string;
  changefreq?: string;
  priority?: number;
  'xhtml:link'?: { '@_rel': string; '@_hreflang': string; '@_href': string }[];
}

async function sitemap(): Promise<{ text: string; urls: UrlEntry[]; root: Record<string, unknown> }> {
  const res = await get('/sitemap.xml');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
  const text = await res.text();
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' || name === 'xhtml:link' }).parse(text) as {
    urlset: Record<string, unknown> & { url: UrlEntry[] };
  };
  return { text, urls: doc.urlset.url, root: doc.urlset };
}

describe('sitemap.xml', () => {
  it('is well-formed XML that keeps the sitemaps.org schema rules', async () => {
    const { text, urls, root } = await sitemap();
    expect(SyntaxValidator.validate(text)).toBe(true);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(root['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(root['@_xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml');
    // At most 50,000 URLs and 50 MB; each <url> one <loc> under 2,048 characters, no loc twice.
    expect(urls.length).toBeLessThanOrEqual(50_000);
    expect(Buffer.byteLength(text)).toBeLessThan(50 * 1024 * 1024);
    expect(new Set(urls.map((u) => u.loc)).size).toBe(urls.length);
    for (const u of urls) {
      expect(Object.keys(u).every((k) => ['loc', 'lastmod', 'changefreq', 'priority', 'xhtml:link'].includes(k))).toBe(true);
      expect(typeof u.loc).toBe('string');
      expect(u.loc.length).toBeLessThan(2048);
      expect(u.loc).toMatch(/^https:\/\/help\.example\.com\//);
      // W3C datetime, day precision.
      expect(u.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(u.lastmod!))).toBe(false);
    }
  });

  it('lists every published article, category and locale home by absolute URL from KB_SITE_URL, and no draft', async () => {
    const { urls } = await sitemap();
    const locs = new Set(urls.map((u) => u.loc));
    for (const a of published) expect(locs, a.path).toContain(`${SITE}${a.path}`);
    for (const home of ['/', '/fa/', '/ru/', '/ms/']) expect(locs).toContain(`${SITE}${home}`);
    expect(locs).toContain(`${SITE}/categories/bookings-and-calendar`);
    expect(locs).toContain(`${SITE}/fa/categories/bookings-and-calendar`);
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) expect(locs).not.toContain(`${SITE}${d.path}`);
    expect([...locs].some((l) => /\/search|\/admin|\/api/.test(l))).toBe(false);
  });

  it('dates each article by its front matter `updated` and links its translations, with x-default', async () => {
    const { urls } = await sitemap();
    const entry = urls.find((u) => u.loc === `${SITE}/articles/reset-your-password`)!;
    const front = readFileSync(fileURLToPath(new URL('../../content/articles/en/account-and-login/reset-your-password.md', import.meta.url)), 'utf8');
    expect(entry.lastmod).toBe(/^updated: (\S+)$/m.exec(front)![1]);
    const links = Object.fromEntries(entry['xhtml:link']!.map((l) => [l['@_hreflang'], l['@_href']]));
    expect(links).toEqual({
      en: `${SITE}/articles/reset-your-password`,
      fa: `${SITE}/fa/articles/reset-your-password`,
      ru: `${SITE}/ru/articles/reset-your-password`,
      ms: `${SITE}/ms/articles/reset-your-password`,
      'x-default': `${SITE}/articles/reset-your-password`,
    });
  });

  it('lists only pages that answer 200', async () => {
    const { urls } = await sitemap();
    const failing: string[] = [];
    for (const u of urls) {
      const res = await get(new URL(u.loc).pathname);
      if (res.status !== 200) failing.push(`${u.loc}: ${res.status}`);
    }
    expect(failing).toEqual([]);
  });
});

describe('robots.txt', () => {
  it('names the sitemap by absolute URL and keeps crawlers out of /admin, /api and every /search', async () => {
    const res = await get('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const lines = (await res.text()).split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain(`Sitemap: ${SITE}/sitemap.xml`);
    for (const path of ['/admin', '/api', '/search', '/fa/search', '/ru/search', '/ms/search']) expect(lines).toContain(`Disallow: ${path}`);
    expect(lines.filter((l) => l.startsWith('Disallow: ')).some((l) => l === 'Disallow: /')).toBe(false);
  });
});

const attr = (page: string, pattern: RegExp) => pattern.exec(page)?.[1];
const meta = (page: string, property: string) => attr(page, new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`));

describe('page heads', () => {
  it.each([
    ['/', `${buildOrigin}/`],
    ['/fa/', `${buildOrigin}/fa/`],
    ['/categories/billing-and-plans', `${buildOrigin}/categories/billing-and-plans`],
    ['/articles/reset-your-password', `${buildOrigin}/articles/reset-your-password`],
    ['/ru/articles/reset-your-password/', `${buildOrigin}/ru/articles/reset-your-password`],
    ['/search?q=refund', `${buildOrigin}/search`],
  ])('%s has one absolute canonical link', async (path, canonical) => {
    const page = await html(path);
    expect(page.match(/<link rel="canonical"/g)).toHaveLength(1);
    expect(attr(page, /<link rel="canonical" href="([^"]+)"/)).toBe(canonical);
  });

  it('links every locale version by absolute hreflang, itself included, and x-default', async () => {
    for (const path of ['/', '/categories/billing-and-plans', '/fa/articles/reset-your-password', '/articles/compare-plans']) {
      const page = await html(path);
      const links = [...page.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]);
      expect(links.length, path).toBeGreaterThanOrEqual(2);
      for (const [, href] of links) expect(href).toMatch(new RegExp(`^${buildOrigin}/`));
      expect(links.map(([l]) => l)).toContain('x-default');
      expect(links.map(([, h]) => h)).toContain(attr(page, /<link rel="canonical" href="([^"]+)"/));
    }
  });

  it('gives articles Open Graph, Twitter card tags and Article JSON-LD', async () => {
    const page = await html('/articles/reset-your-password');
    expect(meta(page, 'og:type')).toBe('article');
    expect(meta(page, 'og:title')).toBe('Reset your password');
    expect(meta(page, 'og:url')).toBe(`${buildOrigin}/articles/reset-your-password`);
    expect(meta(page, 'og:description')).toBe(meta(page, 'description'));
    expect(meta(page, 'og:locale')).toBe('en_US');
    expect(meta(page, 'og:site_name')).toBe('Fernbook Help Center');
    expect(meta(page, 'twitter:card')).toBe('summary');
    expect(meta(page, 'twitter:title')).toBe('Reset your password');
    const json = JSON.parse(attr(page, /<script type="application\/ld\+json">(.*?)<\/script>/)!) as { '@graph': Record<string, unknown>[] };
    const article = json['@graph'].find((n) => n['@type'] === 'Article')!;
    expect(article).toMatchObject({ headline: 'Reset your password', inLanguage: 'en', url: `${buildOrigin}/articles/reset-your-password` });
    expect(article.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(json['@graph'].find((n) => n['@type'] === 'BreadcrumbList')).toBeDefined();
  });

  it('gives the home and category pages website cards in their language', async () => {
    const page = await html('/fa/categories/billing-and-plans');
    expect(meta(page, 'og:type')).toBe('website');
    expect(meta(page, 'og:locale')).toBe('fa_IR');
    expect(meta(page, 'og:url')).toBe(`${buildOrigin}/fa/categories/billing-and-plans`);
    expect(meta(page, 'twitter:card')).toBe('summary');
  });

  it('keeps search results and the confirmation page out of indexes, and indexes the rest', async () => {
    expect(await html('/search?q=refund')).toContain('<meta name="robots" content="noindex">');
    expect(await html('/ms/search')).toContain('<meta name="robots" content="noindex">');
    expect(await html('/contact/sent')).toContain('<meta name="robots" content="noindex">');
    for (const path of ['/', '/categories/billing-and-plans', '/articles/reset-your-password']) expect(await html(path)).not.toContain('noindex');
  });
});

describe('drafts', () => {
  it('are not built, listed, indexed or searchable in production', async () => {
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) {
      expect((await get(d.path)).status, d.path).toBe(404);
      const category = await html(`${d.locale === 'en' ? '' : `/${d.locale}`}/categories/${d.category}`);
      expect(category).not.toContain(`/articles/${d.slug}"`);
      const api = (await (await get(`/api/search?q=${encodeURIComponent(d.slug.replace(/-/g, ' '))}&locale=${d.locale}`)).json()) as { results: { url: string }[] };
      expect(api.results.map((r) => r.url)).not.toContain(d.path);
    }
  });
});
