/**
 * GET /api/search?q=&locale=&limit=: search-as-you-type answers from the index the server holds, as
 * `{ total, results, partial, missing }` (SPEC §4). With `for=contact`: the contact form's suggestions, only articles
 * that pass the relevance bar (at most three), in `results`.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { fail } from '../errors.ts';
import { validated } from '../http/validate.ts';
import { DEFAULT_LOCALE, LOCALE_CODES } from '../../db/shared/locales.ts';
import { MAX_QUERY_LENGTH } from '../../db/shared/limits.ts';

const SearchQuery = z.object({
  q: z.string().max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`).default(''),
  locale: z
    .enum(LOCALE_CODES as [string, ...string[]], { error: `must be one of ${LOCALE_CODES.join(', ')}` })
    .default(DEFAULT_LOCALE),
  limit: z.coerce.number().int().min(1, 'must be at least 1').max(50, 'must be at most 50').default(10),
  for: z.enum(['search', 'contact'], { error: 'must be search or contact' }).default('search'),
});

/** Contact suggestions are few on purpose: the form is where a weak match costs the most. */
const MAX_SUGGESTIONS = 3;

export const search = new Hono<AppEnv>().get(
  '/',
  validated('query', SearchQuery, 'The search query is not valid.'),
  (c) => {
    const { q, locale, limit, for: purpose } = c.req.valid('query');
    const service = c.var.deps.search ?? fail(503, 'Search is not available: the server started without an index.');
    // Same query, same answer until the next build; a short cache spares repeated keystrokes.
    c.header('Cache-Control', 'public, max-age=60');
    if (purpose === 'contact') {
      const results = service.suggest(q, locale, Math.min(limit, MAX_SUGGESTIONS));
      return c.json({ query: q, locale, total: results.length, results, partial: [], missing: [] });
    }
    const { total, results, partial, missing } = service.search(q, locale, limit);
    return c.json({ query: q, locale, total, results, partial, missing });
  },
);
