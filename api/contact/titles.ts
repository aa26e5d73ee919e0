/** Article titles for deliveries, from the reports' catalog of content/, so the agent reads titles and not only slugs. */
import type { Catalog } from '../../db/shared/catalog.ts';
import type { TitleLookup } from './payload.ts';

/** Builds a lookup from the runtime's catalog; an unreadable catalog means deliveries carry slugs and URLs only. */
export function catalogTitles(catalog: () => Promise<Catalog>): () => Promise<TitleLookup> {
  return async () => {
    const c = await catalog().catch(() => undefined);
    const titles = new Map(c?.articles.map((a) => [`${a.locale}/${a.slug}`, a.title]));
    return (slug, locale) => titles.get(`${locale}/${slug}`);
  };
}
