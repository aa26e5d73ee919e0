/** SPEC 7.3: ticket volumes, response and resolution times, SLA, FCR, reopens, CSAT, phone queue, forecast. */
import type { ReportReads } from './report-reads.ts';
import { dayFromNumber, dayNumber, daysBetween, fillSeries, periodOf, periodsBetween, rangeMs, weekdayName, weekdayOf } from './periods.ts';
import { DateTime } from 'luxon';
import { forecastTickets } from './ticket-forecast.ts';
import { TicketPeriod } from './ticket-figures.ts';
import { splitCombo } from './ticket-reads.ts';
import { rate } from './stats.ts';
import type { TicketFigures, TicketReport, TicketReportFilters } from '../shared/reports.ts';

export type { TicketReport, TicketReportFilters, TicketFigures, TicketForecast } from '../shared/reports.ts';

const countDesc = <K extends string>(m: Map<string, number>, key: K) =>
  [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, tickets]) => ({ [key]: k, tickets }) as Record<K, string> & { tickets: number });
const bump = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);

export async function getTicketReport(reads: ReportReads, filters: TicketReportFilters): Promise<TicketReport> {
  const { from, to, interval, timeZone, slaFirstResponseMinutes: sla } = filters;
  await reads.ensureTicketRollups(timeZone);
  const [lo, hi] = [dayNumber(from), dayNumber(to)];
  const [start, end] = rangeMs(from, to, timeZone);
  const total = new TicketPeriod(sla);
  const perPeriod = new Map<string, TicketPeriod>();
  const at = (dayNum: number) => {
    const p = periodOf(dayFromNumber(dayNum), interval);
    return perPeriod.get(p) ?? (perPeriod.set(p, new TicketPeriod(sla)), perPeriod.get(p)!);
  };
  const perDay = new Map<string, number>();
  const weekdays = [0, 0, 0, 0, 0, 0, 0];
  const days = (await reads.ticketDaySums(lo, hi)).sort((a, b) => a.day - b.day);
  for (const d of days) {
    const day = dayFromNumber(d.day);
    total.addDay(d);
    at(d.day).addDay(d);
    perDay.set(day, d.tickets);
    weekdays[weekdayOf(day) - 1]! += d.tickets;
  }
  // Durations come in created_at order, so each period's are one run of them: its days' counts in ticket_days
  // say where the run ends. Periods read views of one array of minutes.
  const minutes = async (column: 'first_response_at' | 'solved_at') => {
    const ms = await reads.ticketDurations(column, start, end);
    const out = new Float64Array(ms.length);
    for (let k = 0; k < ms.length; k++) out[k] = ms[k]! / 60_000;
    return out;
  };
  const [frMinutes, resMinutes] = await Promise.all([minutes('first_response_at'), minutes('solved_at')]);
  const runs = new Map<TicketPeriod, { fr: [number, number]; res: [number, number] }>();
  let i = 0;
  let j = 0;
  for (const d of days) {
    const p = at(d.day);
    const run = runs.get(p) ?? (runs.set(p, { fr: [i, i], res: [j, j] }), runs.get(p)!);
    run.fr[1] = i += d.frN;
    run.res[1] = j += d.resN;
  }
  for (const [p, run] of runs) {
    p.firstResponse = frMinutes.subarray(...run.fr);
    p.resolution = resMinutes.subarray(...run.res);
  }
  total.firstResponse = frMinutes;
  total.resolution = resMinutes;
  const [channelRows, comboRows, assigneeRows] = await Promise.all([reads.ticketDim('channel', lo, hi), reads.ticketDim('combo', lo, hi), reads.ticketDim('assignee', lo, hi)]);
  const channels = new Map(channelRows.map((r) => [r.value, r.tickets]));
  const types = new Map<string, number>();
  const tags = new Map<string, number>();
  for (const r of comboRows) {
    const c = splitCombo(r.value);
    if (c.type) bump(types, c.type, r.tickets);
    for (const tag of c.tags) bump(tags, tag, r.tickets);
  }
  const points = new Map<string, TicketFigures>([...perPeriod].map(([p, a]) => [p, a.figures()]));
  const empty = new TicketPeriod(sla).figures();
  return {
    from,
    to,
    interval,
    totals: { ...total.figures(), slaFirstResponseMinutes: sla },
    series: fillSeries(periodsBetween(from, to, interval), points, () => empty),
    weekdays: weekdays.map((tickets, i) => ({ weekday: i + 1, name: weekdayName(i + 1), tickets })),
    channels: countDesc(channels, 'channel'),
    types: countDesc(types, 'type'),
    tags: countDesc(tags, 'tag'),
    assignees: assigneeRows
      .filter((a) => a.solved > 0)
      .map((a) => ({ assignee: a.value, solved: a.solved, csat: rate(a.solvedGood, a.solvedRated), csatRated: a.solvedRated }))
      .sort((a, b) => b.solved - a.solved || a.assignee.localeCompare(b.assignee)),
    forecast: forecastTickets(completeDays(from, to, timeZone, filters.now).map((date) => ({ date, tickets: perDay.get(date) ?? 0 }))),
  };
}

/** The period's days that are over in `timeZone`: today's partial count would read as a collapse in volume. */
function completeDays(from: string, to: string, timeZone: string, now = Date.now()): string[] {
  const today = DateTime.fromMillis(now, { zone: timeZone }).toISODate()!;
  return daysBetween(from, to).filter((day) => day < today);
}
