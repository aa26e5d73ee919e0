/** The query every report takes (SPEC 7): from, to, interval, locale, format, and which list a CSV holds. */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { INTERVALS } from '../../db/shared/reports.ts';
import { addDays, daysIn, defaultRange, DEFAULT_RANGE_DAYS } from '../../db/shared/report-range.ts';

/** Longest range a report may cover, so one request cannot ask for decades of days. */
export const MAX_RANGE_DAYS = 732;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((d) => DateTime.fromISO(d).isValid, 'is not a real calendar date');

export const ReportQuerySchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    interval: z.enum(INTERVALS).default('day'),
    locale: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'must be a locale code such as en or fa').optional(),
    format: z.enum(['json', 'csv']).default('json'),
    /** CSV only: `series` (default), `totals`, or the name of a list such as `articles` or `queries`. */
    list: z.string().regex(/^[a-zA-Z]{1,40}$/, 'must be a list name such as series, totals or articles').optional(),
    /** Articles report only: one article's slug. */
    article: z.string().regex(/^[a-z0-9][a-z0-9-]{0,120}$/, 'must be an article slug').optional(),
    /** `previous`: also the totals of the period of the same length that ends the day before `from`. */
    compare: z.enum(['previous'], { error: 'must be "previous"' }).optional(),
  })
  .strict();

export type ReportQuery = z.infer<typeof ReportQuerySchema>;

export interface ResolvedRange {
  from: string;
  to: string;
}

/**
 * Fills a missing end of the range (SPEC 7): no `to` means yesterday in `timeZone` (or `from`, if later); no `from`
 * means 28 days ending `to`. So no range at all is the last 28 complete days. Checks from <= to and the length.
 */
export function resolveRange(q: Pick<ReportQuery, 'from' | 'to'>, timeZone: string, now = Date.now()): ResolvedRange | string {
  const yesterday = defaultRange(timeZone, now).to;
  const to = q.to ?? (q.from && q.from > yesterday ? q.from : yesterday);
  const from = q.from ?? addDays(to, 1 - DEFAULT_RANGE_DAYS);
  if (from > to) return `from (${from}) must not be after to (${to})`;
  const days = daysIn(from, to);
  if (days > MAX_RANGE_DAYS) return `the range covers ${days} days; at most ${MAX_RANGE_DAYS} are allowed`;
  return { from, to };
}
