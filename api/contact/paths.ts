/** Where the contact pages live per locale: the default locale `en` at the root, others under /<locale>/. */

const safeLocale = (locale: string) => (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(locale) ? locale : 'en');

export function contactPath(locale: string): string {
  const l = safeLocale(locale);
  return l === 'en' ? '/contact' : `/${l}/contact`;
}

export function sentPath(locale: string): string {
  return `${contactPath(locale)}/sent`;
}
