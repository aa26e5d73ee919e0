/** The article catalog the reports join events with: titles, categories, word counts, edit dates (from content/). */
import { DEFAULT_LOCALE } from './locales.ts';

export interface CatalogArticle {
  slug: string;
  locale: string;
  category: string;
  title: string;
  /** Front matter `tags`. */
  tags: string[];
  /** Words in the body (countWords), for expectedReadSeconds and the article page's "N min read". */
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

/** Words a reader reads: Markdown syntax, code and link targets left out. */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]+>/g, ' ');
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu) ?? []).length;
}

/** Words a reader reads a minute: the one rate behind expected read times and "N min read". */
export const WORDS_PER_MINUTE = 200;

/** Expected read time in whole seconds. */
export const expectedReadSeconds = (words: number) => Math.round((words / WORDS_PER_MINUTE) * 60);

/** Whole minutes shown as "N min read", never less than one. */
export const readingMinutes = (words: number) => Math.max(1, Math.round(words / WORDS_PER_MINUTE));
