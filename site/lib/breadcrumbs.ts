/** The trail from the help center's home to the current page. */
import { localePath, type Locale } from '../../db/shared/locales.ts';
import type { CategoryMeta } from './site-catalog.ts';

export interface Crumb {
  label: string;
  /** Absent for the current page. */
  href?: string;
}

export function breadcrumbs(locale: Locale, homeLabel: string, category?: CategoryMeta, current?: string): Crumb[] {
  const trail: Crumb[] = [{ label: homeLabel, href: localePath(locale, '/') }];
  if (category) {
    trail.push(current ? { label: category.title, href: localePath(locale, `/categories/${category.slug}`) } : { label: category.title });
  }
  if (current) trail.push({ label: current });
  return trail;
}
