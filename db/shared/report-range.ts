/** Report ranges (SPEC 7): the default range, the previous period, day arithmetic on local dates (YYYY-MM-DD). */
import { DateTime } from 'luxon';

const DAY_MS = 86_400_000;

// A calendar date has no zone; UTC midnight of the date is used only as a number to count days with.
const toNum = (day: string) => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / DAY_MS;
const fromNum = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Days since 1970-01-01 of a local date, and back. */
export const dayNumber = toNum;
export const dayFromNumber = fromNum;

/** Adds n days to a local date. */
export function addDays(day: string, n: number): string {
  return fromNum(toNum(day) + n);
}

/** Days in the default report range (SPEC 7). */
export const DEFAULT_RANGE_DAYS = 28;

/** The local date in a zone at an instant. */
export function todayIn(timeZone: string, now = Date.now()): string {
  return DateTime.fromMillis(now, { zone: timeZone }).toISODate()!;
}

/**
 * The range every report, the CLI and the dashboard use when none is given: the last 28 complete days, ending
 * yesterday in the zone (today is not over, and a partial day reads as a sudden drop).
 */
export function defaultRange(timeZone: string, now = Date.now()): { from: string; to: string } {
  const to = addDays(todayIn(timeZone, now), -1);
  return { from: addDays(to, 1 - DEFAULT_RANGE_DAYS), to };
}

/** Days from..to, both included. */
export function daysIn(from: string, to: string): number {
  return toNum(to) - toNum(from) + 1;
}

/** The period of the same length that ends the day before `from` (`compare=previous`). */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const before = addDays(from, -1);
  return { from: addDays(before, 1 - daysIn(from, to)), to: before };
}
