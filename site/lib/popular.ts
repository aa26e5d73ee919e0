/** The home page's popular articles (SPEC 4): promoted first, then the most viewed in the locale over 28 days, then the most recently updated. */
import { DateTime } from 'luxon';
import type { Locale } from '../i18n/locales.ts';
import type { ArticleMeta, Catalog } from './catalog.ts';

export const POPULAR_MAX = 6;
export const POPULAR_DAYS = 28;

/** The local days (KB_TZ) of the window ending today: [from, to], both YYYY-MM-DD. */
export function popularWindow(now: number, timeZone: string, days = POPULAR_DAYS): [string, string] {
  const today = DateTime.fromMillis(now, { zone: timeZone }).startOf('day');
  return [today.minus({ days: days - 1 }).toISODate()!, today.toISODate()!];
}

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

/** What the home page needs of the running instance: its views and its time zone. */
export interface ViewSource {
  /** Views per slug of `locale` over local days from..to. */
  views(locale: Locale, from: string, to: string): Map<string, number> | Promise<Map<string, number>>;
  timeZone: string;
}

/** The popular articles of a locale now; read on every request of the home page, so views count without a rebuild. */
export async function popularArticles(source: ViewSource, catalog: Catalog, locale: Locale, now = Date.now()): Promise<ArticleMeta[]> {
  const [from, to] = popularWindow(now, source.timeZone);
  return rankPopular(catalog, locale, await source.views(locale, from, to));
}
