import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTicketReport } from '../../db/reports/getTicketReport.ts';
import { sqliteReportReads } from '../../db/reports/report-reads.ts';
import { FORECAST_METHOD, forecastTickets, mape } from '../../db/reports/ticket-forecast.ts';
import { addDays } from '../../db/reports/periods.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { addTickets } from './store.ts';

// Europe/Berlin moves from CET (+1) to CEST (+2) at 02:00 on Sunday 29 March 2026.
const zone = 'Europe/Berlin';
let t: TempDb;
const filters = { from: '2026-03-23', to: '2026-04-05', interval: 'week' as const, timeZone: zone, slaFirstResponseMinutes: 240 };

beforeAll(() => {
  t = tempDb({ KB_TZ: zone });
  addTickets(t, [
    { created: '2026-03-23 09:00', channel: 'email', type: 'question', tags: ['login'], firstResponseAfter: 30, solvedAfter: 120, status: 'solved', replies: 1, reopens: 0, csat: 'good', assignee: 'ann', handleSeconds: 300, requester: 'r1' },
    { created: '2026-03-24 10:00', channel: 'web', type: 'billing', tags: ['invoice'], firstResponseAfter: 60, solvedAfter: 600, status: 'closed', replies: 3, reopens: 0, csat: '5', assignee: 'ann', requester: 'r2' },
    { created: '2026-03-25 11:00', channel: 'chat', type: 'question', firstResponseAfter: 300, solvedAfter: 1440, status: 'Solved', replies: 1, reopens: 1, csat: '3', assignee: 'bob', requester: 'r1' },
    // Sunday 00:30 local = Saturday 23:30 UTC
    { created: '2026-03-29 00:30', channel: 'email', firstResponseAfter: 500, status: 'open', csat: 'offered', requester: 'r3' },
    // Monday 00:30 CEST = Sunday 22:30 UTC
    { created: '2026-03-30 00:30', channel: 'phone', waitSeconds: 40, abandoned: false, handleSeconds: 200, status: 'solved', firstResponseAfter: 1, solvedAfter: 10, replies: 0, reopens: 0, csat: 'bad', assignee: 'bob' },
    { created: '2026-03-31 12:00', channel: 'phone', waitSeconds: 100, abandoned: true, status: 'closed', solvedAfter: 2 },
    { created: '2026-04-01 12:00', channel: 'phone', status: 'closed', solvedAfter: 5 },
    { created: '2026-04-05 23:30', channel: 'social', firstResponseAfter: 10 },
    // outside the range: Monday 6 April 00:10 local (still 5 April in UTC)
    { created: '2026-04-06 00:10', channel: 'email' },
  ]);
});
afterAll(() => t.cleanup());

describe('ticket report (SPEC 7.3) on hand-made tickets', () => {
  it('buckets tickets by local weekday and week across the daylight-saving change', async () => {
    const r = (await getTicketReport(sqliteReportReads(t.db), filters));
    expect(r.totals.tickets).toBe(8);
    // Mon: 23 Mar, 30 Mar 00:30; Tue: 24, 31; Wed: 25 Mar, 1 Apr; Sun: 29 Mar 00:30, 5 Apr 23:30 (in UTC two would move a day back)
    expect(r.weekdays.map((w) => `${w.name}:${w.tickets}`)).toEqual(['Mon:2', 'Tue:2', 'Wed:2', 'Thu:0', 'Fri:0', 'Sat:0', 'Sun:2']);
    expect(r.series.map((p) => [p.period, p.tickets])).toEqual([['2026-03-23', 4], ['2026-03-30', 4]]);
  });

  it('counts channels, types and tags', async () => {
    const r = (await getTicketReport(sqliteReportReads(t.db), filters));
    expect(r.channels.map((c) => [c.channel, c.tickets])).toEqual([['phone', 3], ['email', 2], ['chat', 1], ['social', 1], ['web', 1]]);
    expect(r.types).toEqual([{ type: 'question', tickets: 2 }, { type: 'billing', tickets: 1 }]);
    expect(r.tags).toEqual([{ tag: 'invoice', tickets: 1 }, { tag: 'login', tickets: 1 }]);
  });

  it('gives first response and resolution median, mean and p90, and SLA breaches', async () => {
    const { totals } = (await getTicketReport(sqliteReportReads(t.db), filters));
    // first response: 1, 10, 30, 60, 300, 500 -> median (30+60)/2 = 45, mean 901/6, p90 at rank 4.5 = 300 + 0.5·200 = 400
    expect(totals.firstResponseMinutes.median).toBe(45);
    expect(totals.firstResponseMinutes.mean).toBeCloseTo(901 / 6, 10);
    expect(totals.firstResponseMinutes.p90).toBe(400);
    // over 240 minutes: 300 and 500
    expect(totals.slaBreaches).toBe(2);
    expect(totals.slaFirstResponseMinutes).toBe(240);
    // resolution: 2, 5, 10, 120, 600, 1440 -> median 65, mean 2177/6, p90 = 600 + 0.5·840 = 1020
    expect(totals.resolutionMinutes).toEqual({ median: 65, mean: 2177 / 6, p90: 1020 });
  });

  it('computes replies per ticket, first contact resolution and reopen rate over solved tickets', async () => {
    const { totals } = (await getTicketReport(sqliteReportReads(t.db), filters));
    // solved/closed (any case): T1, T2, T3, T5, T6, T7 = 6; replies known on T1 1, T2 3, T3 1, T5 0 -> 5/4
    expect(totals.solved).toBe(6);
    expect(totals.repliesPerTicket).toBe(1.25);
    // FCR: replies <= 1 and no reopen: T1, T5 -> 2 of 4 with known replies
    expect(totals.firstContactResolution).toBe(0.5);
    // reopened: T3 -> 1 of 6 solved
    expect(totals.reopenRate).toBeCloseTo(1 / 6, 12);
  });

  it('computes CSAT on both scales, leaving offered-but-unanswered out, and per assignee', async () => {
    const r = (await getTicketReport(sqliteReportReads(t.db), filters));
    // good: "good", "5"; not good: "3", "bad"; "offered" is not a rating -> 2/4
    expect([r.totals.csat, r.totals.csatRated]).toEqual([0.5, 4]);
    expect(r.assignees.map((a) => [a.assignee, a.solved, a.csat, a.csatRated])).toEqual([['ann', 2, 1, 2], ['bob', 2, 0, 2]]);
  });

  it('gives tickets, solved, median first response and resolution, FCR and CSAT per assignee and per channel', async () => {
    const r = await getTicketReport(sqliteReportReads(t.db), filters);
    const group = (g: { tickets: number; solved: number; firstResponseMinutes: { median: number | null }; resolutionMinutes: { median: number | null }; firstContactResolution: number | null; csat: number | null; csatRated: number }) =>
      [g.tickets, g.solved, g.firstResponseMinutes.median, g.resolutionMinutes.median, g.firstContactResolution, g.csat, g.csatRated];
    // ann: T1 (30 / 120 min, 1 reply, good), T2 (60 / 600, 3 replies, 5) -> medians 45 and 360; FCR 1 of 2; CSAT 2 of 2
    // bob: T3 (300 / 1440, 1 reply but reopened, 3), T5 (1 / 10, 0 replies, bad) -> 150.5 and 725; FCR 1 of 2; CSAT 0 of 2
    expect(r.assignees.map((a) => [a.assignee, ...group(a)])).toEqual([
      ['ann', 2, 2, 45, 360, 0.5, 1, 2],
      ['bob', 2, 2, 150.5, 725, 0.5, 0, 2],
    ]);
    // phone: T5, T6, T7 (first response only on T5; resolved 10, 2, 5); email: T1 and the open T4 (500 min, "offered")
    expect(r.channels.map((c) => [c.channel, ...group(c)])).toEqual([
      ['phone', 3, 3, 1, 5, 1, 0, 1],
      ['email', 2, 1, 265, 120, 1, 1, 1],
      ['chat', 1, 1, 300, 1440, 0, 0, 1],
      ['social', 1, 0, 10, null, null, null, 0],
      ['web', 1, 1, 60, 600, 0, 1, 1],
    ]);
    expect(r.clock).toBe('calendar');
  });

  it('computes handle time, phone wait and abandonment over calls that entered the queue', async () => {
    const { totals } = (await getTicketReport(sqliteReportReads(t.db), filters));
    expect(totals.avgHandleSeconds).toBe(250); // (300 + 200) / 2
    // queued phone calls: 40 s and 100 s (the third never queued); one hung up
    expect([totals.phoneQueued, totals.avgWaitSeconds, totals.abandoned, totals.abandonmentRate]).toEqual([2, 70, 1, 0.5]);
  });
});

describe('ticket forecast (SPEC 7.3)', () => {
  const days = (start: string, counts: number[]) => counts.map((tickets, i) => ({ date: addDays(start, i), tickets }));

  it('computes MAPE over days with tickets', () => {
    // |10-12|/10 = 0.2, |20-15|/20 = 0.25, the day with 0 actual is left out -> 0.225
    expect(mape(days('2026-01-05', [10, 20, 0]), days('2026-01-05', [12, 15, 5]))).toBeCloseTo(0.225, 12);
    expect(mape(days('2026-01-05', [0]), days('2026-01-05', [3]))).toBeNull();
  });

  it('reproduces a steady weekly pattern exactly, with a backtest error of 0', () => {
    // Mon..Sun = 10, 8, 8, 8, 6, 2, 0 for 8 weeks from Monday 5 Jan 2026: mean 6, factors 10/6 ... 0
    const week = [10, 8, 8, 8, 6, 2, 0];
    const f = forecastTickets(days('2026-01-05', Array.from({ length: 56 }, (_, i) => week[i % 7]!)));
    expect(f.method).toBe(FORECAST_METHOD);
    expect(f.mape).toBeCloseTo(0, 12);
    expect(f.days).toHaveLength(14);
    expect(f.days[0]).toEqual({ date: '2026-03-02', tickets: 10 });
    expect(f.days.map((d) => d.tickets)).toEqual([...week, ...week]);
  });

  it('backtests the last 28 days: a level that doubles gives MAPE 0.5', () => {
    // 28 days at 10 then 28 at 20, no weekday pattern: trained on the first 28 the model says 10 -> |20-10|/20
    const f = forecastTickets(days('2026-01-05', [...Array(28).fill(10), ...Array(28).fill(20)]));
    expect(f.mape).toBe(0.5);
    // level after 28 days at 20: 20 - 10·0.7^28 = 19.99995 -> 20.0
    expect(f.days.every((d) => d.tickets === 20)).toBe(true);
  });

  it('gives no backtest error when the period is shorter than 56 days', () => {
    expect(forecastTickets(days('2026-01-05', Array(55).fill(3))).mape).toBeNull();
  });
});

describe('ticket forecast and the day not yet over', () => {
  it('learns only from days that are over, so a partial today does not read as a collapse', async () => {
    // "Now" is Wednesday 1 April 2026, 12:00 in Berlin: the range's history ends on Tuesday 31 March.
    const now = Date.UTC(2026, 3, 1, 10, 0);
    const r = (await getTicketReport(sqliteReportReads(t.db), { ...filters, now }));
    expect(r.forecast.days[0]!.date).toBe('2026-04-01');
    expect(r.forecast.days).toHaveLength(14);
    // Without "now" inside the range every day of the range is over: the forecast starts after `to`.
    expect((await getTicketReport(sqliteReportReads(t.db), filters)).forecast.days[0]!.date).toBe('2026-04-06');
  });
});
