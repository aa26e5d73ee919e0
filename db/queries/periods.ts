/** Days, weeks and months of a report range: pure calendar arithmetic on local dates (YYYY-MM-DD). */
import { DateTime } from 'luxon';
import type { Interval } from './types.ts';
import { dayStartMs } from '../rollups/local-day.ts';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** Adds n days to a local date. */
export function addDays(day: string, n: number): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days: n }).toISODate() as string;
}

/** Every local date from..to inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The period a day falls in: the day, the Monday of its ISO week, or YYYY-MM. */
export function periodOf(day: string, interval: Interval): string {
  if (interval === 'day') return day;
  if (interval === 'month') return day.slice(0, 7);
  return DateTime.fromISO(day, { zone: 'UTC' }).startOf('week').toISODate() as string;
}

/** The periods of a range, in order, without duplicates. */
export function periodsBetween(from: string, to: string, interval: Interval): string[] {
  const out: string[] = [];
  for (const d of daysBetween(from, to)) {
    const p = periodOf(d, interval);
    if (out[out.length - 1] !== p) out.push(p);
  }
  return out;
}

/** ISO weekday of a local date: Monday 1 ... Sunday 7. */
export function weekdayOf(day: string): number {
  return DateTime.fromISO(day, { zone: 'UTC' }).weekday;
}

export function weekdayName(weekday: number): string {
  return WEEKDAYS[weekday - 1] ?? String(weekday);
}

/** [start, end) in epoch ms of the local days from..to in a zone. */
export function rangeMs(from: string, to: string, timeZone: string): [number, number] {
  return [dayStartMs(from, timeZone), dayStartMs(addDays(to, 1), timeZone)];
}

/** Builds a zero-filled series from per-period points, one per period in the range. */
export function fillSeries<P>(periods: string[], points: Map<string, P>, empty: () => P): Array<{ period: string } & P> {
  return periods.map((period) => ({ period, ...(points.get(period) ?? empty()) }));
}
