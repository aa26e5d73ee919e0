/** sitemap.xml and robots.txt for a site URL, from the catalog of published articles (drafts are never in it). */
import { DEFAULT_LOCALE, LOCALE_CODES, localePath, PREFIXED_LOCALES, type Locale } from '../../db/shared/locales.ts';
import { alternates, type PageRef } from './alternates.ts';
import type { ArticleMeta, Catalog } from './site-catalog.ts';
import { absoluteUrl, hreflangLinks } from './seo.ts';

export interface SitemapEntry {
  loc: string;
  /** YYYY-MM-DD: the newest `updated` among the articles the page shows. */
  lastmod: string | undefined;
  alternates: { hreflang: string; href: string }[];
}

const newest = (articles: ArticleMeta[]) =>
  articles.reduce<Date | undefined>((max, a) => (!max || a.updated > max ? a.updated : max), undefined)?.toISOString().slice(0, 10);

/** Every locale home, category and article page, each with its translations. */
export function sitemapEntries(catalog: Catalog, siteUrl: string): SitemapEntry[] {
  const entries: SitemapEntry[] = [];
  const add = (locale: Locale, page: PageRef, path: string, shown: ArticleMeta[]) => {
    entries.push({ loc: absoluteUrl(siteUrl, localePath(locale, path)), lastmod: newest(shown), alternates: hreflangLinks(siteUrl, alternates(page, catalog)) });
  };
  for (const locale of LOCALE_CODES) {
    const shown = catalog.categories(locale).flatMap((c) => catalog.listing(locale, c.slug).articles);
    add(locale, { kind: 'home' }, '/', shown);
    for (const c of catalog.categories(locale)) add(locale, { kind: 'category', slug: c.slug }, `/categories/${c.slug}`, catalog.listing(locale, c.slug).articles);
    for (const a of catalog.articles(locale)) add(locale, { kind: 'article', slug: a.slug }, `/articles/${a.slug}`, [a]);
  }
  return entries;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The sitemaps.org urlset, with xhtml:link alternates per locale (as search engines read hreflang in sitemaps). */
export function sitemapXml(entries: SitemapEntry[]): string {
  const urls = entries.map((e) => {
    const lines = [`<url><loc>${escapeXml(e.loc)}</loc>`];
    if (e.lastmod) lines.push(`<lastmod>${e.lastmod}</lastmod>`);
    for (const a of e.alternates) lines.push(`<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`);
    return `${lines.join('')}</url>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

/** Paths crawlers are kept out of: the dashboard, the API and every locale's search results. */
export const DISALLOWED = ['/admin', '/api', localePath(DEFAULT_LOCALE, '/search'), ...PREFIXED_LOCALES.map((l) => localePath(l, '/search'))];

export function robotsTxt(siteUrl: string): string {
  return ['User-agent: *', ...DISALLOWED.map((p) => `Disallow: ${p}`), '', `Sitemap: ${absoluteUrl(siteUrl, '/sitemap.xml')}`, ''].join('\n');
}
