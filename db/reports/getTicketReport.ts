/** SPEC 7.3: ticket volumes, response and resolution times, SLA, FCR, reopens, CSAT, phone queue, forecast. */
import type { ReportReads } from './report-reads.ts';
import { dayFromNumber, dayNumber, daysBetween, fillSeries, periodOf, periodsBetween, rangeMs, todayIn, weekdayName, weekdayOf } from './periods.ts';
import { forecastTickets } from './ticket-forecast.ts';
import { TicketPeriod } from './ticket-figures.ts';
import { splitCombo, type DimRow } from './ticket-reads.ts';
import { groupMedians, known, readTicketTimes, type GroupMedians } from './ticket-times.ts';
import { MIN_SAMPLE, rate } from './stats.ts';
import type { TicketFigures, TicketGroupFigures, TicketReport, TicketReportFilters } from '../shared/reports.ts';

export type { TicketReport, TicketReportFilters, TicketFigures, TicketForecast } from '../shared/reports.ts';

const countDesc = <K extends string>(m: Map<string, number>, key: K) =>
  [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, tickets]) => ({ [key]: k, tickets }) as Record<K, string> & { tickets: number });
const bump = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);

export async function getTicketReport(reads: ReportReads, filters: TicketReportFilters): Promise<TicketReport> {
  const { from, to, interval, timeZone, slaFirstResponseMinutes: sla, businessHours } = filters;
  await reads.ensureTicketRollups(timeZone);
  const [lo, hi] = [dayNumber(from), dayNumber(to)];
  const [start, end] = rangeMs(from, to, timeZone);
  const skip = filters.totalsOnly === true; // compare=previous: the totals alone, no series, lists or forecast
  const period = () => Object.assign(new TicketPeriod(sla), { business: businessHours !== undefined });
  const total = period();
  const perPeriod = new Map<string, TicketPeriod>();
  const at = (dayNum: number) => {
    const p = periodOf(dayFromNumber(dayNum), interval, from);
    return perPeriod.get(p) ?? (perPeriod.set(p, period()), perPeriod.get(p)!);
  };
  const perDay = new Map<string, number>();
  const weekdays = [0, 0, 0, 0, 0, 0, 0];
  const days = (await reads.ticketDaySums(lo, hi)).sort((a, b) => a.day - b.day);
  for (const d of days) {
    total.addDay(d);
    if (skip) continue;
    const day = dayFromNumber(d.day);
    at(d.day).addDay(d);
    perDay.set(day, d.tickets);
    weekdays[weekdayOf(day) - 1]! += d.tickets;
  }
  const times = await readTicketTimes(reads, start, end, businessHours, timeZone);
  total.firstResponse = known(times.firstResponse);
  total.resolution = known(times.resolution);
  if (skip) return { ...emptyLists(from, to, interval, businessHours), totals: { ...total.figures(), slaFirstResponseMinutes: sla } };
  // Times come in created_at order, so each period's tickets are one run of them: its days' counts in ticket_days
  // say where the run ends.
  const runs = new Map<TicketPeriod, [number, number]>();
  let i = 0;
  for (const d of days) {
    const p = at(d.day);
    const run = runs.get(p) ?? (runs.set(p, [i, i]), runs.get(p)!);
    run[1] = i += d.tickets;
  }
  for (const [p, [a, b]] of runs) {
    p.firstResponse = known(times.firstResponse, a, b);
    p.resolution = known(times.resolution, a, b);
  }
  const types = new Map<string, number>();
  const tags = new Map<string, number>();
  for (const r of await reads.ticketDim('combo', lo, hi)) {
    const c = splitCombo(r.value);
    if (c.type) bump(types, c.type, r.tickets);
    for (const tag of c.tags) bump(tags, tag, r.tickets);
  }
  const points = new Map<string, TicketFigures>([...perPeriod].map(([p, a]) => [p, a.figures(MIN_SAMPLE)]));
  const empty = period().figures(MIN_SAMPLE);
  const medians = groupMedians(times, (await reads.ticketColumns(['group'], start, end))[0] as string[]);
  const [channelRows, assigneeRows] = await Promise.all([reads.ticketDim('channel', lo, hi), reads.ticketDim('assignee', lo, hi)]);
  return {
    from,
    to,
    interval,
    ...clockOf(businessHours),
    totals: { ...total.figures(), slaFirstResponseMinutes: sla },
    series: fillSeries(periodsBetween(from, to, interval), points, () => empty),
    weekdays: weekdays.map((tickets, i) => ({ weekday: i + 1, name: weekdayName(i + 1), tickets })),
    channels: groups(channelRows, medians.channels)
      .map(({ value, ...f }) => ({ channel: value, ...f }))
      .sort((a, b) => b.tickets - a.tickets || a.channel.localeCompare(b.channel)),
    types: countDesc(types, 'type'),
    tags: countDesc(tags, 'tag'),
    assignees: groups(assigneeRows, medians.assignees)
      .map(({ value, ...f }) => ({ assignee: value, ...f }))
      .sort((a, b) => b.solved - a.solved || b.tickets - a.tickets || a.assignee.localeCompare(b.assignee)),
    forecast: forecastTickets(completeDays(from, to, timeZone, filters.now).map((date) => ({ date, tickets: perDay.get(date) ?? 0 }))),
  };
}

const clockOf = (hours: TicketReportFilters['businessHours']) => ({
  clock: hours ? ('business' as const) : ('calendar' as const),
  businessHours: hours ? { hours: hours.text, holidays: hours.holidays } : null,
});

/** A totals-only report's lists: empty, the forecast not run. */
function emptyLists(from: string, to: string, interval: TicketReportFilters['interval'], hours: TicketReportFilters['businessHours']): Omit<TicketReport, 'totals'> {
  return { from, to, interval, ...clockOf(hours), series: [], weekdays: [], channels: [], types: [], tags: [], assignees: [], forecast: { method: '', mape: null, baselineMape: null, days: [] } };
}

/** Per channel or assignee: counts, FCR and CSAT from the day rollups, medians from each ticket's times. */
function groups(rows: readonly DimRow[], medians: Map<string, GroupMedians>) {
  return rows.map((r: DimRow): { value: string } & TicketGroupFigures => ({
    value: r.value,
    tickets: r.tickets,
    solved: r.solved,
    firstResponseMinutes: { median: medians.get(r.value)?.firstResponse ?? null },
    resolutionMinutes: { median: medians.get(r.value)?.resolution ?? null },
    firstContactResolution: rate(r.fcr, r.repliesKnown),
    csat: rate(r.solvedGood, r.solvedRated),
    csatRated: r.solvedRated,
  }));
}

/** The period's days that are over in `timeZone`: today's partial count would read as a collapse in volume. */
function completeDays(from: string, to: string, timeZone: string, now = Date.now()): string[] {
  const today = todayIn(timeZone, now);
  return daysBetween(from, to).filter((day) => day < today);
}
