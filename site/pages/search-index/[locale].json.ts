/** Writes each locale's serialised lunr index at build time; the search-index integration moves it out of public files. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { LOCALE_CODES, type Locale, localeInfo } from '../../../db/shared/locales.ts';
import { loadCatalog } from '../../lib/load-catalog.ts';
import { buildIndex } from '../../../api/search/build-index.ts';
import { searchSources } from '../../lib/search-sources.ts';
import { loadSynonyms } from '../../lib/load-synonyms.ts';
import { searchIndexKey } from '../../lib/page-keys.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const catalog = await loadCatalog();
  // The key covers the locale's articles and its synonyms: an index is built again when either changes.
  return Promise.all(LOCALE_CODES.map(async (locale) => ({ params: { locale }, cacheKey: searchIndexKey(catalog, locale, await loadSynonyms(locale)) })));
};

export const GET: APIRoute = async ({ params }) => {
  const locale = params.locale as Locale;
  const catalog = await loadCatalog();
  const index = buildIndex(locale, localeInfo(locale).search, searchSources(catalog, locale), await loadSynonyms(locale));
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } });
};
