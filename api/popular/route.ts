/**
 * GET /api/popular?locale=: page views per article of one locale over the last 28 local days (KB_TZ), the figures
 * the home page ranks its popular articles by (SPEC 4). Admin only: the public sees the ranking, not the counts.
 */
import { Hono } from 'hono';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { requireAdmin } from '../admin/require-admin.ts';
import { validated } from '../http/validate.ts';
import { DEFAULT_LOCALE, LOCALE_CODES } from '../../db/shared/locales.ts';

/** SPEC 4: "the most viewed in that locale over the last 28 days". */
export const POPULAR_DAYS = 28;

const PopularQuery = z.object({
  locale: z
    .enum(LOCALE_CODES as [string, ...string[]], { error: `must be one of ${LOCALE_CODES.join(', ')}` })
    .default(DEFAULT_LOCALE),
});

/** The local days of the window ending today: [from, to], both YYYY-MM-DD. */
export function popularWindow(now: number, timeZone: string, days = POPULAR_DAYS): [string, string] {
  const today = DateTime.fromMillis(now, { zone: timeZone }).startOf('day');
  return [today.minus({ days: days - 1 }).toISODate()!, today.toISODate()!];
}

export const popular = new Hono<AppEnv>().get('/', requireAdmin, validated('query', PopularQuery, 'The popular articles query is not valid.'), async (c) => {
  const { locale } = c.req.valid('query');
  const { store, config } = c.var.deps;
  const [from, to] = popularWindow(Date.now(), config.timeZone);
  const views = await store.reports.articleViews(locale, from, to);
  return c.json({ locale, from, to, views });
});
