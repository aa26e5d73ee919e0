/** Days, weeks and months of a report range: pure calendar arithmetic on local dates (YYYY-MM-DD). */
import type { Interval } from '../shared/reports.ts';
import { dayStartMs } from './rollups/local-day.ts';
import { addDays, dayFromNumber as fromNum, dayNumber as toNum } from '../shared/report-range.ts';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export { addDays, dayFromNumber, dayNumber, daysIn, defaultRange, DEFAULT_RANGE_DAYS, previousPeriod, todayIn } from '../shared/report-range.ts';

/** Every local date from..to inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let n = toNum(from), end = toNum(to); n <= end; n++) out.push(fromNum(n));
  return out;
}

/** ISO weekday of a local date: Monday 1 ... Sunday 7. */
export function weekdayOf(day: string): number {
  return ((((toNum(day) + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
}

export function weekdayName(weekday: number): string {
  return WEEKDAYS[weekday - 1] ?? String(weekday);
}

/** The first day of the calendar period a day falls in: the day, the Monday of its ISO week, or the 1st of its month. */
export function periodStartOf(day: string, interval: Interval): string {
  if (interval === 'day') return day;
  if (interval === 'month') return `${day.slice(0, 7)}-01`;
  return addDays(day, 1 - weekdayOf(day));
}

/**
 * The row a day falls in within a range that starts on `from` (SPEC 7): weeks and months are clipped to the
 * range and named by their first day inside it, so a range from Sunday 1 Nov has a week row "2026-11-01"
 * holding that one day, not "2026-10-26" holding days the range never asked for.
 */
export function periodOf(day: string, interval: Interval, from: string): string {
  const start = periodStartOf(day, interval);
  return start < from ? from : start;
}

/** The periods of a range, in order, without duplicates. */
export function periodsBetween(from: string, to: string, interval: Interval): string[] {
  const out: string[] = [];
  for (const d of daysBetween(from, to)) {
    const p = periodOf(d, interval, from);
    if (out[out.length - 1] !== p) out.push(p);
  }
  return out;
}

/** [start, end) in epoch ms of the local days from..to in a zone. */
export function rangeMs(from: string, to: string, timeZone: string): [number, number] {
  return [dayStartMs(from, timeZone), dayStartMs(addDays(to, 1), timeZone)];
}

/** Builds a zero-filled series from per-period points, one per period in the range. */
export function fillSeries<P>(periods: string[], points: Map<string, P>, empty: () => P): Array<{ period: string } & P> {
  return periods.map((period) => ({ period, ...(points.get(period) ?? empty()) }));
}
