/** The one list of locales the help center serves: code, native name, direction, lunr language. */

export interface LocaleInfo {
  /** BCP 47 code; also the folder under content/ and the route prefix (none for the default). */
  code: string;
  /** The language's own name, shown in the language switcher. */
  name: string;
  dir: 'ltr' | 'rtl';
  /** How search analyses words: English's or a lunr-languages stemmer, our own light stemmer (fa, ms), or Unicode tokens only. */
  search: 'en' | 'ru' | 'fa' | 'ms' | 'unicode';
}

export const LOCALES = [
  { code: 'en', name: 'English', dir: 'ltr', search: 'en' },
  { code: 'fa', name: 'فارسی', dir: 'rtl', search: 'fa' },
  { code: 'ru', name: 'Русский', dir: 'ltr', search: 'ru' },
  { code: 'ms', name: 'Bahasa Melayu', dir: 'ltr', search: 'ms' },
] as const satisfies readonly LocaleInfo[];

export type Locale = (typeof LOCALES)[number]['code'];

export const DEFAULT_LOCALE: Locale = 'en';

export const LOCALE_CODES: readonly Locale[] = LOCALES.map((l) => l.code);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALE_CODES as readonly string[]).includes(value);
}

export function localeInfo(locale: Locale): LocaleInfo {
  return LOCALES.find((l) => l.code === locale) ?? LOCALES[0];
}

/** Locales served under a /<locale>/ prefix (every one but the default). */
export const PREFIXED_LOCALES: readonly Locale[] = LOCALE_CODES.filter((l) => l !== DEFAULT_LOCALE);

/** The URL of a site path in a locale: `/articles/x` → `/fa/articles/x`; the default locale has no prefix. */
export function localePath(locale: Locale, path = '/'): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  if (locale === DEFAULT_LOCALE) return clean;
  return clean === '/' ? `/${locale}/` : `/${locale}${clean}`;
}

/** Splits a URL path into its locale and the path inside that locale. */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  const [, first, ...rest] = pathname.split('/');
  if (isLocale(first) && first !== DEFAULT_LOCALE) return { locale: first, path: `/${rest.join('/')}` };
  return { locale: DEFAULT_LOCALE, path: pathname || '/' };
}
