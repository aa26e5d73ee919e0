/** The bundled articles and categories as the demo generator needs them, taken from the one content reader's catalog. */
import type { Catalog } from '../../db/shared/catalog.ts';

export interface DemoArticle {
  slug: string;
  category: string;
  title: string;
  tags: string[];
  words: number;
  updated: string | undefined;
  /** Locales this article exists in. */
  locales: string[];
  /** Its title and tags in each of those locales: what a reader there types into search. */
  localized: Record<string, { title: string; tags: string[] }>;
}

export interface DemoCategory {
  slug: string;
  title: string;
  ticketTags: string[];
  ticketTypes: string[];
}

export interface DemoContent {
  articles: DemoArticle[];
  categories: DemoCategory[];
  locales: string[];
}

/** Every article slug once (with the locales it exists in) and the categories of the default locale. */
export function demoContent(catalog: Catalog, defaultLocale = 'en'): DemoContent {
  const articles = new Map<string, DemoArticle>();
  const locales = [...new Set(catalog.articles.map((a) => a.locale))].sort();
  // The default locale first, so its titles and word counts win.
  const ordered = [...catalog.articles].sort((a, b) => Number(b.locale === defaultLocale) - Number(a.locale === defaultLocale));
  for (const a of ordered) {
    const known = articles.get(a.slug);
    if (known) {
      known.locales.push(a.locale);
      known.localized[a.locale] = { title: a.title, tags: a.tags };
      continue;
    }
    articles.set(a.slug, {
      slug: a.slug, category: a.category, title: a.title, tags: a.tags, words: a.words, updated: a.updated ?? undefined, locales: [a.locale],
      localized: { [a.locale]: { title: a.title, tags: a.tags } },
    });
  }
  const categories = catalog.categories
    .filter((c) => c.locale === defaultLocale)
    .map(({ slug, title, ticketTags, ticketTypes }) => ({ slug, title, ticketTags, ticketTypes }));
  if (articles.size === 0) throw new Error('No articles in the content folder; the demo needs the bundled content.');
  return { articles: [...articles.values()], categories, locales: locales.length ? locales : [defaultLocale] };
}
