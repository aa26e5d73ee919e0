/** The dashboard's date range: from/to/interval/locale read from the page URL, with presets, in KB_TZ. */
import { DateTime } from 'luxon';
import { defaultRange, DEFAULT_RANGE_DAYS } from '../../../db/shared/report-range.ts';

import { INTERVALS, type Interval } from '../../../db/shared/reports.ts';
import { LOCALE_CODES } from '../../../db/shared/locales.ts';

export { INTERVALS, type Interval };
export const PRESETS = [7, 28, 90] as const;
/** The languages a report can be narrowed to: every locale of the site. */
export const LOCALES = LOCALE_CODES;

export interface Range {
  from: string;
  to: string;
  interval: Interval;
  /** Empty string means every locale. */
  locale: string;
  /** The preset this range equals (N days ending yesterday), if any: lets the picker show it as chosen. */
  preset: number | undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(value: string | null, zone: string): DateTime | undefined {
  if (!value || !DAY.test(value)) return undefined;
  const d = DateTime.fromISO(value, { zone });
  return d.isValid ? d : undefined;
}

/** The interval that keeps a chart readable for a span: days up to ~3 months, then weeks, then months. */
export function defaultInterval(days: number): Interval {
  if (days <= 92) return 'day';
  if (days <= 370) return 'week';
  return 'month';
}

/**
 * Reads the range from URL parameters, the same way the report API fills one in (SPEC 7): `days=N` picks a preset
 * of N complete days ending yesterday; otherwise from/to (inclusive, YYYY-MM-DD); anything missing or malformed
 * falls back to the last 28 complete days. Today is left out unless asked for: a partial day reads as a drop.
 */
export function parseRange(params: URLSearchParams, zone: string, now: Date = new Date()): Range {
  const yesterday = DateTime.fromISO(defaultRange(zone, now.getTime()).to, { zone });
  const days = Number(params.get('days'));
  let to = validDay(params.get('to'), zone) ?? yesterday;
  let from = validDay(params.get('from'), zone);
  if ((PRESETS as readonly number[]).includes(days)) {
    to = yesterday;
    from = yesterday.minus({ days: days - 1 });
  }
  from ??= to.minus({ days: DEFAULT_RANGE_DAYS - 1 });
  if (from > to) [from, to] = [to, from];
  const span = Math.round(to.diff(from, 'days').days) + 1;
  const asked = params.get('interval');
  const interval = (INTERVALS as readonly string[]).includes(asked ?? '') ? (asked as Interval) : defaultInterval(span);
  const localeParam = params.get('locale') ?? '';
  const locale = (LOCALES as readonly string[]).includes(localeParam) ? localeParam : '';
  const preset = to.hasSame(yesterday, 'day') ? PRESETS.find((p) => p === span) : undefined;
  return { from: from.toISODate()!, to: to.toISODate()!, interval, locale, preset };
}

/** The query string for a report route (and for links that keep the range). */
export function rangeQuery(range: Range, extra: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams({ from: range.from, to: range.to, interval: range.interval });
  if (range.locale) q.set('locale', range.locale);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') q.set(k, v);
  return q.toString();
}

/** Number of days the range covers, both ends included. */
export function rangeDays(range: Range): number {
  return Math.round(DateTime.fromISO(range.to).diff(DateTime.fromISO(range.from), 'days').days) + 1;
}

/** The range of the same length just before this one, for "against the previous period" comparisons. */
export function previousRange(range: Range): Range {
  const days = rangeDays(range);
  const to = DateTime.fromISO(range.from).minus({ days: 1 });
  return { ...range, from: to.minus({ days: days - 1 }).toISODate()!, to: to.toISODate()!, preset: undefined };
}
