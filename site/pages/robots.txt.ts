/** `/robots.txt`, rendered on demand so the Sitemap line follows the running KB_SITE_URL. */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/sitemap.ts';

export const prerender = false;

export const GET: APIRoute = ({ locals }) =>
  new Response(robotsTxt(locals.kb.config.siteUrl), { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } });
