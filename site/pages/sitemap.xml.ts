/** `/sitemap.xml`, rendered on demand so its absolute URLs follow the running KB_SITE_URL. */
import type { APIRoute } from 'astro';
import { loadCatalog } from '../lib/load-catalog.ts';
import { sitemapEntries, sitemapXml } from '../lib/sitemap.ts';

export const prerender = false;

// The catalog is fixed for the life of a build, so one text per site URL is enough.
const cache = new Map<string, string>();

export const GET: APIRoute = async ({ locals }) => {
  const siteUrl = locals.kb.config.siteUrl;
  let xml = cache.get(siteUrl);
  if (!xml || import.meta.env.DEV) {
    xml = sitemapXml(sitemapEntries(await loadCatalog(), siteUrl));
    cache.set(siteUrl, xml);
  }
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } });
};
