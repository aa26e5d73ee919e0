/** Local calendar days in a time zone (KB_TZ), computed with luxon so daylight-saving changes are handled. */
import { DateTime } from 'luxon';

/** Returns ts (epoch ms) -> local day YYYY-MM-DD, remembering the last day's bounds because events come in order. */
export function localDayFn(timeZone: string): (ts: number) => string {
  let start = 1;
  let end = 0;
  let day = '';
  return (ts) => {
    if (ts >= start && ts < end) return day;
    const local = DateTime.fromMillis(ts, { zone: timeZone }).startOf('day');
    start = local.toMillis();
    end = local.plus({ days: 1 }).toMillis();
    day = local.toISODate() as string;
    return day;
  };
}

/** Epoch ms where local day `day` starts in `timeZone`. */
export function dayStartMs(day: string, timeZone: string): number {
  return DateTime.fromISO(day, { zone: timeZone }).startOf('day').toMillis();
}
