/**
 * /api/* when Astro answers it: only under `astro dev` (api/server.ts sends /api to Hono before Astro sees it),
 * so search-as-you-type works for writers; bench/site.bench.ts also uses it to measure "Astro in front".
 */
import type { APIRoute } from 'astro';

export const prerender = false;

export const ALL: APIRoute = ({ request, locals }) => locals.kb.app.fetch(request);
