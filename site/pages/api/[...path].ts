/**
 * /api/* when Astro answers it: under `astro dev` (search-as-you-type for writers), and in a build only for a
 * spelling of an API path the front door's normalisation (api/server.ts) did not send to Hono itself. Either way
 * the request reaches the API with the client's address, so it keeps its own identity and rate-limit bucket.
 */
import type { APIRoute } from 'astro';

export const prerender = false;

export const ALL: APIRoute = ({ request, locals, clientAddress }) =>
  // @hono/node-server reads the client address from the socket it is given; here there is none but this one.
  locals.kb.app.fetch(request, { incoming: { socket: { remoteAddress: clientAddress } } });
