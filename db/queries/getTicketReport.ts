/** SPEC 7.3: ticket volumes, response and resolution times, SLA, FCR, reopens, CSAT, phone queue, forecast. */
import type { Db } from '../client.ts';
import { ensureTicketRollups } from '../rollups/tickets.ts';
import { dayFromNumber, dayNumber, daysBetween, fillSeries, periodOf, periodsBetween, rangeMs, weekdayName, weekdayOf } from './periods.ts';
import { DateTime } from 'luxon';
import { forecastTickets } from './ticket-forecast.ts';
import { TicketPeriod } from './ticket-figures.ts';
import { splitCombo, ticketDaySums, ticketDim, ticketDurations } from './ticket-sql.ts';
import { rate } from './stats.ts';
import type { TicketFigures, TicketReport, TicketReportFilters } from './types.ts';

export type { TicketReport, TicketReportFilters, TicketFigures, TicketForecast } from './types.ts';

const countDesc = <K extends string>(m: Map<string, number>, key: K) =>
  [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, tickets]) => ({ [key]: k, tickets }) as Record<K, string> & { tickets: number });
const bump = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);

export function getTicketReport(db: Db, filters: TicketReportFilters): TicketReport {
  const client = db.$client;
  const { from, to, interval, timeZone, slaFirstResponseMinutes: sla } = filters;
  ensureTicketRollups(db, timeZone);
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
  const days = ticketDaySums(client, lo, hi).sort((a, b) => a.day - b.day);
  for (const d of days) {
    const day = dayFromNumber(d.day);
    total.addDay(d);
    at(d.day).addDay(d);
    perDay.set(day, d.tickets);
    weekdays[weekdayOf(day) - 1]! += d.tickets;
  }
  // Durations come in created_at order; each day's count in ticket_days says which period they belong to.
  const fr = ticketDurations(client, 'first_response_at', start, end);
  const res = ticketDurations(client, 'solved_at', start, end);
  let i = 0;
  let j = 0;
  for (const d of days) {
    const p = at(d.day);
    for (const stop = i + d.frN; i < stop; i++) p.firstResponse.push(fr[i]! / 60_000);
    for (const stop = j + d.resN; j < stop; j++) p.resolution.push(res[j]! / 60_000);
  }
  total.firstResponse = fr.map((v) => v / 60_000);
  total.resolution = res.map((v) => v / 60_000);
  const channels = new Map(ticketDim(client, 'channel', lo, hi).map((r) => [r.value, r.tickets]));
  const types = new Map<string, number>();
  const tags = new Map<string, number>();
  for (const r of ticketDim(client, 'combo', lo, hi)) {
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
    assignees: ticketDim(client, 'assignee', lo, hi)
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
