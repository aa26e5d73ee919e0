/** The home page's popular articles (SPEC 4): promoted first, then the most viewed in the locale over 28 days, then the most recently updated. */
import type { Locale } from '../../db/shared/locales.ts';
import type { ArticleMeta, Catalog } from './site-catalog.ts';

export const POPULAR_MAX = 6;

const newestFirst = (a: ArticleMeta, b: ArticleMeta) => b.updated.getTime() - a.updated.getTime() || a.title.localeCompare(b.title);

/** Ranks a locale's articles; `views` holds each slug's views in the window (absent = none). */
export function rankPopular(catalog: Catalog, locale: Locale, views: ReadonlyMap<string, number>, max = POPULAR_MAX): ArticleMeta[] {
  const all = catalog.articles(locale);
  const seen = (a: ArticleMeta) => views.get(a.slug) ?? 0;
  const promoted = all.filter((a) => a.promoted).sort(newestFirst);
  const viewed = all.filter((a) => !a.promoted && seen(a) > 0).sort((a, b) => seen(b) - seen(a) || newestFirst(a, b));
  const rest = all.filter((a) => !a.promoted && seen(a) === 0).sort(newestFirst);
  return [...promoted, ...viewed, ...rest].slice(0, max);
}
