/**
 * Cache keys for Astro's incremental build (experimental.incrementalBuild): a page is rendered again only when its
 * key or its code changed. A key covers everything a page shows that is not its own code: the article itself, and
 * the titles, lists and translations it links to, so editing one article re-renders it and the pages that list it.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_LOCALE, LOCALE_CODES, type Locale } from '../../db/shared/locales.ts';
import type { ArticleMeta, Catalog } from './site-catalog.ts';

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

const shown = (a: ArticleMeta) => [a.locale, a.slug, a.title, a.description, a.category];

export function articleKey(catalog: Catalog, article: ArticleMeta): string {
  const { file, body, ...data } = article;
  return hash({
    file,
    body,
    data,
    category: catalog.category(article.locale, article.category),
    related: catalog.related(article).map(shown),
    translations: catalog.translations(article.slug),
    inDefault: catalog.article(DEFAULT_LOCALE, article.slug) !== undefined,
  });
}

export function categoryKey(catalog: Catalog, locale: Locale, slug: string): string {
  return hash({
    category: catalog.category(locale, slug),
    listing: catalog.listing(locale, slug).articles.map((a) => [...shown(a), a.order]),
    locales: LOCALE_CODES.filter((l) => catalog.category(l, slug) !== undefined),
  });
}

/** A locale's search index: every field of every article it indexes, and the locale's synonym rules. */
export function searchIndexKey(catalog: Catalog, locale: Locale, synonyms: unknown): string {
  return hash({ articles: catalog.articles(locale), categories: catalog.categories(locale), synonyms });
}
