/** Each ticket's first response and resolution in minutes, on the calendar or the business clock (SPEC 7.3). */
import type Database from 'better-sqlite3';
import { BusinessClock, type BusinessHours } from './business-hours.ts';
import { quantiles } from './stats.ts';
import { ticketColumn } from './ticket-reads.ts';

/** One entry per ticket created in the range, in created_at order; NaN where the ticket has no such time. */
export interface TicketTimes {
  firstResponse: Float64Array;
  resolution: Float64Array;
}

const minutes = (values: unknown[]) => Float64Array.from(values as Array<number | null>, (ms) => (ms === null ? NaN : ms / 60_000));

/** Reads the tickets created in [start, end): calendar minutes are end - start; business minutes count open hours only. */
export function readTicketTimes(db: Database.Database, start: number, end: number, hours: BusinessHours | undefined, timeZone: string): TicketTimes {
  if (!hours) {
    return { firstResponse: minutes(ticketColumn(db, 'firstResponseMs', start, end)), resolution: minutes(ticketColumn(db, 'resolutionMs', start, end)) };
  }
  const created = ticketColumn(db, 'createdAt', start, end) as number[];
  const responded = ticketColumn(db, 'firstResponseAt', start, end) as Array<number | null>;
  const solved = ticketColumn(db, 'solvedAt', start, end) as Array<number | null>;
  const clock = new BusinessClock(hours, timeZone);
  let latest = end;
  for (let i = 0; i < created.length; i++) latest = Math.max(latest, responded[i] ?? 0, solved[i] ?? 0);
  clock.cover(start, latest); // one build of the open intervals for every ticket
  const business = (from: number, to: number | null) => (to === null ? NaN : clock.between(from, to) / 60_000);
  return {
    firstResponse: Float64Array.from(created, (c, i) => business(c, responded[i]!)),
    resolution: Float64Array.from(created, (c, i) => business(c, solved[i]!)),
  };
}

/** The known values of entries [from, to): the tickets of one period. */
export function known(values: Float64Array, from = 0, to = values.length): Float64Array {
  let n = 0;
  for (let i = from; i < to; i++) if (!Number.isNaN(values[i]!)) n++;
  const out = new Float64Array(n);
  for (let i = from, k = 0; i < to; i++) if (!Number.isNaN(values[i]!)) out[k++] = values[i]!;
  return out;
}

/** Median first response and resolution per value of a dimension (channel or assignee; null values left out). */
export function mediansBy(times: TicketTimes, keys: ReadonlyArray<string | null>): Map<string, { firstResponse: number | null; resolution: number | null }> {
  const groups = new Map<string, { fr: number[]; res: number[] }>();
  keys.forEach((key, i) => {
    if (key === null) return;
    const g = groups.get(key) ?? (groups.set(key, { fr: [], res: [] }), groups.get(key)!);
    if (!Number.isNaN(times.firstResponse[i]!)) g.fr.push(times.firstResponse[i]!);
    if (!Number.isNaN(times.resolution[i]!)) g.res.push(times.resolution[i]!);
  });
  return new Map([...groups].map(([key, g]) => [key, { firstResponse: quantiles(g.fr).median, resolution: quantiles(g.res).median }]));
}
