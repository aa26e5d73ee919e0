/** SPEC 7.3: ticket volumes, response and resolution times, SLA, FCR, reopens, CSAT, phone queue, forecast. */
import type { Db } from '../client.ts';
import { localDayFn } from '../rollups/local-day.ts';
import { daysBetween, fillSeries, periodOf, periodsBetween, rangeMs, weekdayName, weekdayOf } from './periods.ts';
import { forecastTickets } from './ticket-forecast.ts';
import { csatScore, isSolved, TicketAccumulator, type TicketFacts } from './ticket-figures.ts';
import { rate } from './stats.ts';
import type { TicketFigures, TicketReport, TicketReportFilters } from './types.ts';

export type { TicketReport, TicketReportFilters, TicketFigures, TicketForecast } from './types.ts';

type Row = [number, number | null, number | null, string | null, string, number | null, number | null, string | null, number | null, number | null, number | null, string | null, string | null];

const countDesc = <K extends string>(m: Map<string, number>, key: K) =>
  [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, tickets]) => ({ [key]: k, tickets }) as Record<K, string> & { tickets: number });

export function getTicketReport(db: Db, filters: TicketReportFilters): TicketReport {
  const { from, to, interval, timeZone, slaFirstResponseMinutes: sla } = filters;
  const [start, end] = rangeMs(from, to, timeZone);
  const rows = db.$client
    .prepare(
      `SELECT created_at, first_response_at, solved_at, status, channel, replies, reopens, csat, handle_seconds,
              wait_seconds, abandoned, type, assignee
       FROM tickets WHERE created_at >= ? AND created_at < ? ORDER BY created_at`,
    )
    .raw()
    .all(start, end) as Row[];
  const dayOf = localDayFn(timeZone);
  const total = new TicketAccumulator(sla);
  const perPeriod = new Map<string, TicketAccumulator>();
  const perDay = new Map<string, number>();
  const weekdays = [0, 0, 0, 0, 0, 0, 0];
  const channels = new Map<string, number>();
  const types = new Map<string, number>();
  const assignees = new Map<string, { solved: number; good: number; rated: number }>();
  for (const r of rows) {
    const t: TicketFacts = {
      createdAt: r[0], firstResponseAt: r[1], solvedAt: r[2], status: r[3], channel: r[4], replies: r[5],
      reopens: r[6], csat: r[7], handleSeconds: r[8], waitSeconds: r[9], abandoned: r[10],
    };
    const day = dayOf(t.createdAt);
    const period = periodOf(day, interval);
    total.add(t);
    (perPeriod.get(period) ?? (perPeriod.set(period, new TicketAccumulator(sla)), perPeriod.get(period)!)).add(t);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    weekdays[weekdayOf(day) - 1]!++;
    channels.set(t.channel, (channels.get(t.channel) ?? 0) + 1);
    if (r[11] !== null) types.set(r[11], (types.get(r[11]) ?? 0) + 1);
    if (r[12] !== null && isSolved(t.status)) {
      const a = assignees.get(r[12]) ?? (assignees.set(r[12], { solved: 0, good: 0, rated: 0 }), assignees.get(r[12])!);
      a.solved++;
      const score = csatScore(t.csat);
      if (score !== null) (a.rated++, (a.good += score));
    }
  }
  const tags = db.$client
    .prepare(
      `SELECT tag, count(*) FROM ticket_tags JOIN tickets ON tickets.id = ticket_tags.ticket_id
       WHERE tickets.created_at >= ? AND tickets.created_at < ? GROUP BY tag`,
    )
    .raw()
    .all(start, end) as Array<[string, number]>;
  const points = new Map<string, TicketFigures>([...perPeriod].map(([p, a]) => [p, a.figures()]));
  const empty = new TicketAccumulator(sla).figures();
  return {
    from,
    to,
    interval,
    totals: { ...total.figures(), slaFirstResponseMinutes: sla },
    series: fillSeries(periodsBetween(from, to, interval), points, () => empty),
    weekdays: weekdays.map((tickets, i) => ({ weekday: i + 1, name: weekdayName(i + 1), tickets })),
    channels: countDesc(channels, 'channel'),
    types: countDesc(types, 'type'),
    tags: countDesc(new Map(tags), 'tag'),
    assignees: [...assignees]
      .map(([assignee, a]) => ({ assignee, solved: a.solved, csat: rate(a.good, a.rated), csatRated: a.rated }))
      .sort((a, b) => b.solved - a.solved || a.assignee.localeCompare(b.assignee)),
    forecast: forecastTickets(daysBetween(from, to).map((date) => ({ date, tickets: perDay.get(date) ?? 0 }))),
  };
}
