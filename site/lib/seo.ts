/** What search engines and link previews read from a page: absolute URLs, hreflang, Open Graph, Article JSON-LD. */
import { DEFAULT_LOCALE, type Locale } from '../../db/shared/locales.ts';
import type { Alternate } from './alternates.ts';

/** `https://help.example.com` + `/fa/articles/x` (the site URL's own path and trailing slash are dropped). */
export function absoluteUrl(siteUrl: string | URL, path: string): string {
  return new URL(path, new URL(siteUrl).origin).href;
}

/** Open Graph wants language_TERRITORY; these are the territories our locales are written for. */
const OG_LOCALES: Record<Locale, string> = { en: 'en_US', fa: 'fa_IR', ru: 'ru_RU', ms: 'ms_MY' };
export const ogLocale = (locale: Locale) => OG_LOCALES[locale];

export interface HreflangLink {
  hreflang: string;
  href: string;
}

/**
 * One absolute link per locale that has this very page, plus `x-default` (the default locale's version):
 * every indexable page lists itself too, as search engines expect.
 */
export function hreflangLinks(siteUrl: string | URL, alternates: Alternate[]): HreflangLink[] {
  const exact = alternates.filter((a) => a.exact);
  const links = exact.map((a) => ({ hreflang: a.locale, href: absoluteUrl(siteUrl, a.href) }));
  const fallback = exact.find((a) => a.locale === DEFAULT_LOCALE) ?? exact[0];
  return fallback ? [...links, { hreflang: 'x-default', href: absoluteUrl(siteUrl, fallback.href) }] : [];
}

export interface ArticleFacts {
  url: string;
  title: string;
  description: string;
  locale: Locale;
  updated: Date;
  category: string;
  publisher: string;
  /** Absolute URLs of the trail, home first, ending at the category. */
  trail: { name: string; url: string }[];
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** schema.org `Article` and its `BreadcrumbList`, as one JSON-LD graph. */
export function articleJsonLd(a: ArticleFacts): object {
  const publisher = { '@type': 'Organization', name: a.publisher };
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'Article',
        headline: a.title,
        description: a.description,
        inLanguage: a.locale,
        url: a.url,
        mainEntityOfPage: a.url,
        dateModified: isoDate(a.updated),
        articleSection: a.category,
        author: publisher,
        publisher,
      },
      {
        '@type': 'BreadcrumbList',
        itemListElement: [...a.trail, { name: a.title, url: a.url }].map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.url })),
      },
    ],
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so no text in it can close the element. */
export function jsonLdText(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
