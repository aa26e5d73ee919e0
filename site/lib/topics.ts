/** The topic cards a locale's pages list (home, zero-result search): counts, and the language of untranslated topics. */
import { DEFAULT_LOCALE, localeInfo, localePath, type Locale } from '../../db/shared/locales.ts';
import type { Translator } from '../i18n/t.ts';
import type { Catalog } from './site-catalog.ts';

export interface TopicCard {
  href: string;
  title: string;
  description: string;
  count: string;
  language?: { name: string; lang: string } | undefined;
}

export function topicCards(catalog: Catalog, locale: Locale, { plural }: Pick<Translator, 'plural'>): TopicCard[] {
  return catalog.categories(locale).map((c) => {
    const { articles, fallback } = catalog.listing(locale, c.slug);
    return {
      href: localePath(locale, `/categories/${c.slug}`),
      title: c.title,
      description: c.description,
      count: plural('category.count', articles.length),
      language: fallback ? { name: localeInfo(DEFAULT_LOCALE).name, lang: DEFAULT_LOCALE } : undefined,
    };
  });
}
