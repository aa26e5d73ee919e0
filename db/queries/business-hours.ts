/**
 * Business hours (KB_BUSINESS_HOURS, KB_HOLIDAYS): parsing, and a clock that counts the business milliseconds
 * between two instants in the report zone, across weekends, holidays and daylight-saving changes (luxon).
 */
import { DateTime } from 'luxon';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface BusinessHours {
  /** The setting as written, for the page to say which clock it counts on. */
  text: string;
  /** Per ISO weekday (index 0 = Monday): open windows as [start, end) minutes after local midnight, sorted. */
  windows: Array<Array<[number, number]>>;
  /** Local dates (YYYY-MM-DD) with no business hours. */
  holidays: string[];
}

const GROUP = /^([a-z]{3})(?:\s*-\s*([a-z]{3}))?\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/i;

/**
 * Reads `Mon-Fri 09:00-17:00`, several groups separated by `,` or `;` (`Mon-Fri 09:00-12:00, Mon-Fri 13:00-17:00,
 * Sat 10:00-14:00`). Returns the hours, or a sentence saying what is wrong.
 */
export function parseBusinessHours(text: string, holidays: readonly string[] = []): BusinessHours | string {
  const windows: Array<Array<[number, number]>> = DAYS.map(() => []);
  const groups = text.split(/[,;]/).map((g) => g.trim()).filter(Boolean);
  if (groups.length === 0) return 'must name days and hours, such as "Mon-Fri 09:00-17:00"';
  for (const group of groups) {
    const m = GROUP.exec(group);
    if (!m) return `"${group}" is not "Day-Day HH:MM-HH:MM" (for example "Mon-Fri 09:00-17:00")`;
    const first = DAYS.indexOf(m[1]!.toLowerCase() as (typeof DAYS)[number]);
    const last = m[2] ? DAYS.indexOf(m[2].toLowerCase() as (typeof DAYS)[number]) : first;
    if (first < 0 || last < 0) return `"${group}": days are Mon, Tue, Wed, Thu, Fri, Sat, Sun`;
    if (last < first) return `"${group}": the days must run forward within one week (Mon-Fri, not Fri-Mon)`;
    const start = Number(m[3]) * 60 + Number(m[4]);
    const end = Number(m[5]) * 60 + Number(m[6]);
    if (Number(m[4]) > 59 || Number(m[6]) > 59 || start > 24 * 60 || end > 24 * 60) return `"${group}": times run from 00:00 to 24:00`;
    if (end <= start) return `"${group}": the end must be after the start (split a night shift at midnight: "Mon 22:00-24:00, Tue 00:00-06:00")`;
    for (let d = first; d <= last; d++) windows[d]!.push([start, end]);
  }
  for (const day of windows) {
    day.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < day.length; i++) if (day[i]![0] < day[i - 1]![1]) return `windows overlap on ${DAYS[windows.indexOf(day)]}`;
  }
  if (windows.every((d) => d.length === 0)) return 'must open on at least one day';
  return { text: groups.join(', '), windows, holidays: [...new Set(holidays)].sort() };
}

/** Reads `2026-12-25, 2026-12-26` (commas or spaces); returns the dates, or a sentence naming the bad one. */
export function parseHolidays(text: string): string[] | string {
  const dates = text.split(/[\s,;]+/).filter(Boolean);
  for (const d of dates) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || !DateTime.fromISO(d).isValid) return `"${d}" is not a date as YYYY-MM-DD`;
  }
  return dates;
}

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
