/**
 * The business clock (KB_BUSINESS_HOURS, KB_HOLIDAYS): counts the business milliseconds between two instants in the
 * report zone, across weekends, holidays and daylight-saving changes (luxon).
 */
import { DateTime } from 'luxon';
import type { BusinessHours } from '../shared/business-hours.ts';

export { parseBusinessHours, parseHolidays, type BusinessHours } from '../shared/business-hours.ts';

/**
 * Business milliseconds between instants. Open intervals are built once per local day touched, as epoch ms from
 * local wall times in the zone, so a day that loses or gains an hour to daylight saving counts what the clock on the
 * wall counts; `between(a, b)` is then two binary searches on their running sums.
 */
export class BusinessClock {
  private starts: number[] = [];
  private ends: number[] = [];
  /** Business ms before interval i. */
  private before: number[] = [];
  private firstDay: DateTime | undefined;
  private lastDay: DateTime | undefined;
  /** [coveredFrom, coveredTo) in epoch ms: the local days the intervals were built for. */
  private coveredFrom = 0;
  private coveredTo = 0;
  private readonly holidays: Set<string>;

  constructor(
    private readonly hours: BusinessHours,
    private readonly zone: string,
  ) {
    this.holidays = new Set(hours.holidays);
  }

  /** Business ms from a to b (0 when b <= a). */
  between(a: number, b: number): number {
    if (b <= a) return 0;
    this.cover(a, b);
    return this.upTo(b) - this.upTo(a);
  }

  /** Business ms between the start of the covered span and t. */
  private upTo(t: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    if (hi < 0 || t <= this.starts[0]!) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return this.before[lo]! + Math.min(t, this.ends[lo]!) - this.starts[lo]!;
  }

  /** Makes sure the intervals cover the local days of a..b (call once with the widest span to build them once). */
  cover(a: number, b: number): void {
    if (a >= this.coveredFrom && b < this.coveredTo) return;
    const day = (t: number) => DateTime.fromMillis(t, { zone: this.zone }).startOf('day');
    // Grow generously, so a report's tickets need only a few rebuilds.
    let from: DateTime = day(a);
    let to: DateTime = day(b);
    if (this.firstDay && this.lastDay) {
      if (this.firstDay < from) from = this.firstDay;
      if (this.lastDay > to) to = this.lastDay;
      from = from.minus({ days: 31 });
      to = to.plus({ days: 31 });
    }
    this.build(from, to);
  }

  private build(from: DateTime, to: DateTime): void {
    this.starts = [];
    this.ends = [];
    this.before = [];
    let total = 0;
    for (let d = from; d <= to; d = d.plus({ days: 1 })) {
      if (this.holidays.has(d.toISODate()!)) continue;
      for (const [start, end] of this.hours.windows[d.weekday - 1]!) {
        const s = this.at(d, start);
        const e = this.at(d, end);
        if (e <= s) continue;
        this.starts.push(s);
        this.ends.push(e);
        this.before.push(total);
        total += e - s;
      }
    }
    this.firstDay = from;
    this.lastDay = to;
    this.coveredFrom = from.toMillis();
    this.coveredTo = to.plus({ days: 1 }).toMillis();
  }

  /** Epoch ms of a wall time (minutes after midnight, 24:00 = the next midnight) on a local day. */
  private at(day: DateTime, minutes: number): number {
    if (minutes >= 24 * 60) return day.plus({ days: 1 }).toMillis();
    return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
  }
}
