/** Reads both content collections once per build (or dev render) into a checked Catalog. */
import { getCollection } from 'astro:content';
import { buildCatalog, type Catalog } from './site-catalog.ts';

let cached: Promise<Catalog> | undefined;

export function loadCatalog(): Promise<Catalog> {
  // The dev server reloads content on change; caching only in builds keeps edits visible.
  if (cached && import.meta.env.PROD) return cached;
  // Drafts only under `astro dev`: a build never sees them (SPEC 3; set by site/integrations/drafts.ts).
  const options = { drafts: import.meta.env.KB_SHOW_DRAFTS === true };
  cached = (async () => buildCatalog({ articles: await getCollection('articles'), categories: await getCollection('categories') }, options))();
  return cached;
}
