/** The help center's articles and categories per locale, checked and sorted: what every page lists from. */
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../db/shared/locales.ts';

export interface ArticleMeta {
  /** Path of the source file from the project root (the collection entry id). */
  file: string;
  locale: Locale;
  slug: string;
  category: string;
  title: string;
  description: string;
  tags: string[];
  updated: Date;
  order?: number | undefined;
  related: string[];
  /** Pinned first among the home page's popular articles. */
  promoted?: boolean | undefined;
  /** Kept out of production builds; shown with a banner under `npm run dev`. */
  draft?: boolean | undefined;
  body: string;
}

export interface CategoryMeta {
  file: string;
  locale: Locale;
  slug: string;
  title: string;
  description: string;
  order: number;
}

export interface CatalogInput {
  articles: { id: string; data: Omit<ArticleMeta, 'file' | 'locale' | 'slug' | 'body'>; body?: string | undefined }[];
  categories: { id: string; data: Omit<CategoryMeta, 'file' | 'locale' | 'slug'> }[];
}

export interface Catalog {
  categories(locale: Locale): CategoryMeta[];
  category(locale: Locale, slug: string): CategoryMeta | undefined;
  /** Articles of a category (or of the locale), by `order` then title. */
  articles(locale: Locale, category?: string): ArticleMeta[];
  article(locale: Locale, slug: string): ArticleMeta | undefined;
  /** Locales that have an article with this slug. */
  translations(slug: string): Locale[];
  /** The article's `related` slugs that exist in its locale, then others from its category, up to `max`. */
  related(article: ArticleMeta, max?: number): ArticleMeta[];
  /**
   * What a category page of a locale lists: its own articles, or, when it has none, the default locale's
   * (`fallback: true`; the page marks them with their language), so no category is a dead end.
   */
  listing(locale: Locale, category: string): { articles: ArticleMeta[]; fallback: boolean };
}

export interface CatalogOptions {
  /** Keep `draft: true` articles (the dev server); production builds leave them out of everything. */
  drafts?: boolean;
}

/** Splits `content/<kind>/<locale>/[<category>/]<slug>.md` into its parts. */
export function parseContentPath(file: string): { locale: string; folder?: string; slug: string } {
  const parts = file.replace(/^content\/(articles|categories)\//, '').replace(/\.md$/, '').split('/');
  const slug = parts.at(-1) ?? '';
  return parts.length === 3 ? { locale: parts[0]!, folder: parts[1]!, slug } : { locale: parts[0]!, slug };
}

const byOrderThenTitle = (locale: string) => {
  const collator = new Intl.Collator(locale);
  return (a: { order?: number | undefined; title: string }, b: { order?: number | undefined; title: string }) =>
    (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) || collator.compare(a.title, b.title);
};

/** Checks where every file sits against what its front matter says, and indexes both collections. */
export function buildCatalog(input: CatalogInput, { drafts = false }: CatalogOptions = {}): Catalog {
  const problems: string[] = [];
  const categories: CategoryMeta[] = input.categories.flatMap(({ id, data }) => {
    const { locale, slug } = parseContentPath(id);
    if (!isLocale(locale)) return void problems.push(`${id}: "${locale}" is not a locale of db/shared/locales.ts`), [];
    return [{ ...data, file: id, locale, slug }];
  });
  const known = new Set(categories.map((c) => `${c.locale}/${c.slug}`));
  const articles: ArticleMeta[] = input.articles.flatMap(({ id, data, body }) => {
    const { locale, folder, slug } = parseContentPath(id);
    if (!isLocale(locale)) return void problems.push(`${id}: "${locale}" is not a locale of db/shared/locales.ts`), [];
    if (folder !== data.category) problems.push(`${id}: category "${data.category}" does not match its folder "${folder}"`);
    else if (!known.has(`${locale}/${data.category}`))
      problems.push(`${id}: category "${data.category}" has no content/categories/${locale}/${data.category}.md`);
    return [{ ...data, file: id, locale, slug, body: body ?? '' }];
  });
  const seen = new Map<string, string>();
  for (const a of articles) {
    const key = `${a.locale}/${a.slug}`;
    if (seen.has(key)) problems.push(`${a.file}: slug "${a.slug}" is also used by ${seen.get(key)}`);
    seen.set(key, a.file);
  }
  if (problems.length) throw new Error(`The help center content has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  // Drafts are checked like any article above, then dropped: no page, index entry, link or count.
  if (!drafts) articles.splice(0, articles.length, ...articles.filter((a) => !a.draft));

  const articleMap = new Map(articles.map((a) => [`${a.locale}/${a.slug}`, a]));
  const inLocale = (locale: Locale) => articles.filter((a) => a.locale === locale).sort(byOrderThenTitle(locale));
  return {
    categories: (locale) => categories.filter((c) => c.locale === locale).sort(byOrderThenTitle(locale)),
    category: (locale, slug) => categories.find((c) => c.locale === locale && c.slug === slug),
    articles: (locale, category) => inLocale(locale).filter((a) => category === undefined || a.category === category),
    article: (locale, slug) => articleMap.get(`${locale}/${slug}`),
    translations: (slug) => articles.filter((a) => a.slug === slug).map((a) => a.locale),
    related(article, max = 5) {
      const chosen = article.related.flatMap((s) => articleMap.get(`${article.locale}/${s}`) ?? []);
      const siblings = inLocale(article.locale).filter((a) => a.category === article.category);
      const out = [...chosen, ...siblings].filter((a) => a.slug !== article.slug);
      return [...new Map(out.map((a) => [a.slug, a])).values()].slice(0, max);
    },
    listing(locale, category) {
      const own = inLocale(locale).filter((a) => a.category === category);
      if (own.length > 0 || locale === DEFAULT_LOCALE) return { articles: own, fallback: false };
      return { articles: inLocale(DEFAULT_LOCALE).filter((a) => a.category === category), fallback: true };
    },
  };
}
