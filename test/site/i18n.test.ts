import { describe, expect, it } from 'vitest';
import { LOCALES, localePath, splitLocale } from '../../db/shared/locales.ts';
import { translator } from '../../site/i18n/t.ts';
import { en } from '../../site/i18n/dictionaries/en.ts';
import { fa } from '../../site/i18n/dictionaries/fa.ts';
import { ru } from '../../site/i18n/dictionaries/ru.ts';
import { ms } from '../../site/i18n/dictionaries/ms.ts';

describe('locales and dictionaries', () => {
  it('serves the default locale at / and the others under /<locale>/', () => {
    expect(localePath('en', '/articles/x')).toBe('/articles/x');
    expect(localePath('fa', '/articles/x')).toBe('/fa/articles/x');
    expect(localePath('ru')).toBe('/ru/');
    expect(splitLocale('/ms/search')).toEqual({ locale: 'ms', path: '/search' });
    expect(splitLocale('/articles/x')).toEqual({ locale: 'en', path: '/articles/x' });
  });

  it('marks Persian right to left and the others left to right', () => {
    expect(Object.fromEntries(LOCALES.map((l) => [l.code, l.dir]))).toEqual({ en: 'ltr', fa: 'rtl', ru: 'ltr', ms: 'ltr' });
  });

  it('translates every English key in every dictionary', () => {
    for (const dict of [fa, ru, ms]) {
      expect(Object.keys(dict).filter((k) => !(k in en) && !/\.(few|many)$/.test(k))).toEqual([]);
      expect(Object.keys(en).filter((k) => !(k in dict))).toEqual([]);
    }
  });

  it('picks plural forms and formats numbers and dates with Intl', () => {
    expect(translator('en').plural('category.count', 1)).toBe('1 article');
    expect(translator('ru').plural('category.count', 3)).toBe('3 статьи');
    expect(translator('ru').plural('category.count', 5)).toBe('5 статей');
    expect(translator('ru').plural('category.count', 21)).toBe('21 статья');
    expect(translator('fa').plural('category.count', 6)).toBe('۶ مقاله');
    expect(translator('en').date(new Date('2026-01-12'))).toBe('January 12, 2026');
    expect(translator('ru').date(new Date('2026-01-12'))).toMatch(/12 января 2026/);
  });
});
