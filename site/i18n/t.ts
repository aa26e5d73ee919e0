/** Looks up UI strings and formats dates and numbers for one locale (Intl does the locale rules). */
import { en, type Dictionary, type MessageKey } from './dictionaries/en.ts';
import { fa } from './dictionaries/fa.ts';
import { ru } from './dictionaries/ru.ts';
import { ms } from './dictionaries/ms.ts';
import type { Locale } from '../../db/shared/locales.ts';

const DICTIONARIES: Record<Locale, Dictionary> = { en, fa, ru, ms };

type Vars = Record<string, string | number>;

/** Keys that have `.one`/`.other` (and `.few`/`.many`) forms, without the suffix. */
type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.other` ? B : never) : never;

export interface Translator {
  locale: Locale;
  t(key: MessageKey, vars?: Vars): string;
  /** The plural form Intl.PluralRules picks for `count`, with `{count}` formatted for the locale. */
  plural(base: PluralBase, count: number, vars?: Vars): string;
  date(value: Date): string;
  number(value: number): string;
}

function fill(template: string, vars: Vars, number: (n: number) => string): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const v = vars[name];
    if (v === undefined) return match;
    return typeof v === 'number' ? number(v) : v;
  });
}

// Every component of every page asks for one; Intl's formatters cost about a millisecond each to create.
const translators = new Map<Locale, Translator>();

/** A translator for one locale; missing keys fall back to English. */
export function translator(locale: Locale): Translator {
  let made = translators.get(locale);
  if (!made) translators.set(locale, (made = makeTranslator(locale)));
  return made;
}

function makeTranslator(locale: Locale): Translator {
  const dict = DICTIONARIES[locale];
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const rules = new Intl.PluralRules(locale);
  const number = (n: number) => numbers.format(n);
  const lookup = (key: string): string => (dict as Record<string, string>)[key] ?? (en as Record<string, string>)[key] ?? key;
  return {
    locale,
    t: (key, vars = {}) => fill(lookup(key), vars, number),
    plural(base, count, vars = {}) {
      const form = `${base}.${rules.select(count)}`;
      const template = form in dict || form in en ? lookup(form) : lookup(`${base}.other`);
      return fill(template, { count, ...vars }, number);
    },
    date: (value) => dates.format(value),
    number,
  };
}
