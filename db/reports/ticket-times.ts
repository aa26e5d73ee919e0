/** Each ticket's first response and resolution in minutes, on the calendar or the business clock (SPEC 7.3). */
import { BusinessClock, type BusinessHours } from './business-hours.ts';
import { quantileOf } from './stats.ts';
import type { ReportReads } from './report-reads.ts';

/** One entry per ticket created in the range, in created_at order; NaN where the ticket has no such time. */
export interface TicketTimes {
  firstResponse: Float64Array;
  resolution: Float64Array;
}

// Plain loops: Float64Array.from with a mapping callback costs several times as much on 100k+ values.
function minutes(values: unknown[]): Float64Array {
  const ms = values as Array<number | null>;
  const out = new Float64Array(ms.length);
  for (let i = 0; i < ms.length; i++) out[i] = ms[i] === null ? NaN : ms[i]! / 60_000;
  return out;
}

function businessMinutes(clock: BusinessClock, from: number[], to: Array<number | null>): Float64Array {
  const out = new Float64Array(from.length);
  for (let i = 0; i < from.length; i++) out[i] = to[i] === null ? NaN : clock.between(from[i]!, to[i]!) / 60_000;
  return out;
}

// The open intervals depend on the settings alone: built once per process (a few ms of luxon per 90 days) and
// grown as reports ask for other days, not rebuilt for every report.
const clocks = new Map<string, BusinessClock>();
function clockFor(hours: BusinessHours, timeZone: string): BusinessClock {
  const key = JSON.stringify([timeZone, hours.windows, hours.holidays]);
  let clock = clocks.get(key);
  if (!clock) {
    if (clocks.size >= 16) clocks.clear(); // tests build many settings; a server has one
    clocks.set(key, (clock = new BusinessClock(hours, timeZone)));
  }
  return clock;
}

/** Reads the tickets created in [start, end): calendar minutes are end - start; business minutes count open hours only. */
export async function readTicketTimes(reads: ReportReads, start: number, end: number, hours: BusinessHours | undefined, timeZone: string): Promise<TicketTimes> {
  if (!hours) {
    const [fr, res] = await reads.ticketColumns(['firstResponseMs', 'resolutionMs'], start, end);
    return { firstResponse: minutes(fr!), resolution: minutes(res!) };
  }
  const [created, responded, solved] = (await reads.ticketColumns(['createdAt', 'firstResponseAt', 'solvedAt'], start, end)) as [
    number[],
    Array<number | null>,
    Array<number | null>,
  ];
  const clock = clockFor(hours, timeZone);
  let latest = end;
  for (let i = 0; i < created.length; i++) latest = Math.max(latest, responded[i] ?? 0, solved[i] ?? 0);
  clock.cover(start, latest); // one build of the open intervals for every ticket
  return { firstResponse: businessMinutes(clock, created, responded), resolution: businessMinutes(clock, created, solved) };
}

/** The known values of entries [from, to): the tickets of one period. */
export function known(values: Float64Array, from = 0, to = values.length): Float64Array {
  let n = 0;
  for (let i = from; i < to; i++) if (!Number.isNaN(values[i]!)) n++;
  const out = new Float64Array(n);
  for (let i = from, k = 0; i < to; i++) if (!Number.isNaN(values[i]!)) out[k++] = values[i]!;
  return out;
}

export interface GroupMedians {
  firstResponse: number | null;
  resolution: number | null;
}

/** The median of `values` per group (`codes[i]` is value i's group, -1 none), by one counting pass and quickselect. */
function mediansByCode(codes: Int32Array, groups: number, values: Float64Array): Array<number | null> {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0 && !Number.isNaN(values[i]!)) start[codes[i]! + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const buffer = new Float64Array(start[groups]!);
  const at = start.slice(0, groups);
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0 && !Number.isNaN(values[i]!)) buffer[at[codes[i]!]!++] = values[i]!;
  return Array.from({ length: groups }, (_, g) => quantileOf(buffer.subarray(start[g]!, start[g + 1]!), 0.5));
}

/**
 * Median first response and resolution per channel and per assignee, from one `channel|assignee` value a ticket
 * (ticketColumn 'group'), in the order of `times`. Each distinct pair is parsed once; values are grouped by a
 * counting pass into one array, so no per-group lists grow.
 */
export function groupMedians(times: TicketTimes, groups: readonly string[]): { channels: Map<string, GroupMedians>; assignees: Map<string, GroupMedians> } {
  const channelNames: string[] = [];
  const assigneeNames: string[] = [];
  const codeOf = (names: string[], index: Map<string, number>, name: string) => index.get(name) ?? (index.set(name, names.length), names.push(name), names.length - 1);
  const channelIndex = new Map<string, number>();
  const assigneeIndex = new Map<string, number>();
  const pairs = new Map<string, [number, number]>();
  const channel = new Int32Array(groups.length);
  const assignee = new Int32Array(groups.length);
  for (let i = 0; i < groups.length; i++) {
    const key = groups[i]!;
    let pair = pairs.get(key);
    if (!pair) {
      const cut = key.indexOf('|');
      const who = key.slice(cut + 1);
      pair = [codeOf(channelNames, channelIndex, key.slice(0, cut)), who === '' ? -1 : codeOf(assigneeNames, assigneeIndex, who)];
      pairs.set(key, pair);
    }
    channel[i] = pair[0];
    assignee[i] = pair[1];
  }
  const medians = (codes: Int32Array, names: string[]) => {
    const fr = mediansByCode(codes, names.length, times.firstResponse);
    const res = mediansByCode(codes, names.length, times.resolution);
    return new Map(names.map((name, g) => [name, { firstResponse: fr[g]!, resolution: res[g]! }]));
  };
  return { channels: medians(channel, channelNames), assignees: medians(assignee, assigneeNames) };
}
