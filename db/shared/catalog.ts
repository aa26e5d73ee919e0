/** The article catalog the reports join events with: titles, categories, word counts, edit dates (from content/). */

export interface CatalogArticle {
  slug: string;
  locale: string;
  category: string;
  title: string;
  /** Words in the body, for expectedReadSeconds (200 words per minute). */
  words: number;
  /** Front matter `updated`, YYYY-MM-DD. */
  updated: string | null;
  /** Every date the article was edited (front matter `updated` and git commit dates), ascending, unique. */
  edits: string[];
}

export interface CatalogCategory {
  slug: string;
  locale: string;
  title: string;
  order: number;
  ticketTags: string[];
  ticketTypes: string[];
}

export interface Catalog {
  articles: CatalogArticle[];
  categories: CatalogCategory[];
  /** Files left out because they could not be read, each naming the file and what is wrong. */
  problems: string[];
}

export const DEFAULT_LOCALE = 'en';

export const emptyCatalog = (): Catalog => ({ articles: [], categories: [], problems: [] });

/** Picks one entry per slug: the given locale's, else the default locale's, else the first found. */
export function bySlug<T extends { slug: string; locale: string }>(items: readonly T[], locale?: string): Map<string, T> {
  const out = new Map<string, T>();
  const rank = (t: T) => (t.locale === locale ? 0 : t.locale === DEFAULT_LOCALE ? 1 : 2);
  for (const item of items) {
    const have = out.get(item.slug);
    if (!have || rank(item) < rank(have)) out.set(item.slug, item);
  }
  return out;
}

/** Expected read time at 200 words per minute, in whole seconds. */
export const expectedReadSeconds = (words: number) => Math.round((words / 200) * 60);
