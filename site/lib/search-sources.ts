/** Turns one locale's catalog into the articles the search index is built from. */
import { localePath, type Locale } from '../../db/shared/locales.ts';
import type { Catalog } from './site-catalog.ts';
import type { SearchSource } from '../../api/search/documents.ts';

export function searchSources(catalog: Catalog, locale: Locale): SearchSource[] {
  return catalog.articles(locale).map((a) => ({
    slug: a.slug,
    url: localePath(locale, `/articles/${a.slug}`),
    title: a.title,
    description: a.description,
    category: catalog.category(locale, a.category)?.title ?? a.category,
    tags: a.tags,
    body: a.body,
  }));
}
