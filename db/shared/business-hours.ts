/** Business hours (KB_BUSINESS_HOURS, KB_HOLIDAYS): the setting's shape and its parser, shared by config and reports. */
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
