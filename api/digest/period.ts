/** The digest's period: the last complete ISO week (Monday to Sunday) in KB_TZ, and the week before it. */
import { DateTime } from 'luxon';
import { previousPeriod } from '../../db/shared/report-range.ts';

export interface DigestPeriod {
  /** What digest_sends remembers: `week:<its Monday>`. */
  id: string;
  from: string;
  to: string;
  previous: { from: string; to: string };
}

export const DIGEST_PERIODS = ['week'] as const;
export type DigestPeriodName = (typeof DIGEST_PERIODS)[number];

/** The last week that is over in `timeZone` at `now`: on any day of a week, the Monday to Sunday before it. */
export function lastCompleteWeek(timeZone: string, now = Date.now()): DigestPeriod {
  const monday = DateTime.fromMillis(now, { zone: timeZone }).startOf('week').minus({ weeks: 1 });
  const from = monday.toISODate()!;
  const to = monday.plus({ days: 6 }).toISODate()!;
  return { id: `week:${from}`, from, to, previous: previousPeriod(from, to) };
}
