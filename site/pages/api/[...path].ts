/**
 * /api/* when Astro answers it: only under `astro dev` (api/server.ts normalises every path and sends /api to Hono
 * before Astro sees it), so search-as-you-type works for writers. In a build this answers 404: reached through
 * Astro, a request would lose its client address and share one rate-limit bucket with everyone.
 */
import type { APIRoute } from 'astro';

export const prerender = false;

export const ALL: APIRoute = ({ request, locals }) =>
  import.meta.env.DEV ? locals.kb.app.fetch(request) : new Response('Not found', { status: 404 });
