/** Where each locale's version of a page lives: hreflang links and the language switcher's targets. */
import { DEFAULT_LOCALE, LOCALES, localePath, type Locale } from '../../db/shared/locales.ts';
import type { Catalog } from './site-catalog.ts';

/** The kind of page, so a translation of the same page can be found. */
export type PageRef =
  | { kind: 'home' }
  | { kind: 'search' }
  | { kind: 'contact' }
  | { kind: 'category'; slug: string }
  | { kind: 'article'; slug: string }
  | { kind: 'other' };

export interface Alternate {
  locale: Locale;
  name: string;
  href: string;
  /** True when this locale has this very page (not just its home page). */
  exact: boolean;
  /** Set when this locale has no translation of the article and the link leads to the default locale's article. */
  untranslated?: boolean;
}

function pathOf(page: PageRef): string | undefined {
  switch (page.kind) {
    case 'home':
      return '/';
    case 'search':
      return '/search';
    case 'contact':
      return '/contact';
    case 'category':
      return `/categories/${page.slug}`;
    case 'article':
      return `/articles/${page.slug}`;
    case 'other':
      return undefined;
  }
}

function exists(page: PageRef, locale: Locale, catalog: Catalog): boolean {
  if (page.kind === 'article') return catalog.article(locale, page.slug) !== undefined;
  if (page.kind === 'category') return catalog.category(locale, page.slug) !== undefined;
  return page.kind !== 'other';
}

/**
 * One link per locale: the same page where that locale has it; for an article it lacks, the default locale's
 * article (SPEC 4: never a 404, and the reader stays on the subject); else that locale's home page.
 */
export function alternates(page: PageRef, catalog: Catalog): Alternate[] {
  return LOCALES.map(({ code, name }) => {
    const exact = exists(page, code, catalog);
    const path = exact ? pathOf(page) : undefined;
    if (!exact && page.kind === 'article' && catalog.article(DEFAULT_LOCALE, page.slug)) {
      return { locale: code, name, href: localePath(DEFAULT_LOCALE, `/articles/${page.slug}`), exact: false, untranslated: true };
    }
    return { locale: code, name, href: localePath(code, path ?? '/'), exact: exact && path !== undefined };
  });
}
