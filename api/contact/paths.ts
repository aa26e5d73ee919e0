/** Where the contact pages live per locale: the default locale `en` at the root, others under /<locale>/. */

const safeLocale = (locale: string) => (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(locale) ? locale : 'en');

export function contactPath(locale: string): string {
  const l = safeLocale(locale);
  return l === 'en' ? '/contact' : `/${l}/contact`;
}

/** The confirmation page, showing the request's reference when there is one. */
export function sentPath(locale: string, reference?: string): string {
  const path = `${contactPath(locale)}/sent`;
  return reference ? `${path}?ref=${encodeURIComponent(reference)}` : path;
}
