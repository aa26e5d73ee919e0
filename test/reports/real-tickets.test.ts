/**
 * Ticket KPIs on the real ServiceNow incidents and call-center log (../shared/data/real), imported through the
 * importer with their profiles; the expected figures are worked out here straight from the raw files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTicketReport } from '../../db/reports/getTicketReport.ts';
import { sqliteReportReads } from '../../db/reports/report-reads.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { CALLCENTER_PROFILE, REAL, importWith } from '../helpers/import.ts';

/** Median and p90 by linear interpolation between ranks, written out here rather than imported. */
function pct(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo]! + (s[Math.ceil(pos)]! - s[lo]!) * (pos - lo);
}
const countBy = <T>(xs: T[], key: (x: T) => string) => xs.reduce((m, x) => m.set(key(x), (m.get(key(x)) ?? 0) + 1), new Map<string, number>());

describe('ticket report on the real ServiceNow incident export', () => {
  let t: TempDb;
  const rows = parse(readFileSync(join(REAL, 'tickets/servicenow_incidents_final_state.csv')), { columns: true }) as Array<Record<string, string>>;
  // D/M/YYYY HH:MM, read as UTC (the import's default zone and the report's here)
  const ms = (v: string) => {
    const [d, m, y, h, min] = v.split(/[/ :]/).map(Number);
    return Date.UTC(y!, m! - 1, d!, h!, min!);
  };
  const filters = { from: '2016-02-01', to: '2016-05-31', interval: 'month' as const, timeZone: 'UTC', slaFirstResponseMinutes: 240 };
  beforeAll(async () => {
    t = tempDb();
    await importWith(t.db, join(REAL, 'tickets/servicenow_incidents_final_state.csv'), 'servicenow');
  });
  afterAll(() => t.cleanup());

  it('counts volume per month, weekday and channel as the file says', async () => {
    const r = (await getTicketReport(sqliteReportReads(t.db), filters));
    expect(r.totals.tickets).toBe(rows.length);
    const months = countBy(rows, (x) => new Date(ms(x.opened_at!)).toISOString().slice(0, 7));
    expect(r.series.map((p) => [p.period, p.tickets])).toEqual(['2016-02', '2016-03', '2016-04', '2016-05'].map((m) => [`${m}-01`, months.get(m) ?? 0]));
    const weekdays = countBy(rows, (x) => String(((new Date(ms(x.opened_at!)).getUTCDay() + 6) % 7) + 1));
    expect(r.weekdays.map((w) => w.tickets)).toEqual([1, 2, 3, 4, 5, 6, 7].map((d) => weekdays.get(String(d)) ?? 0));
    const channels = countBy(rows, (x) => x.contact_type!.toLowerCase());
    expect(Object.fromEntries(r.channels.map((c) => [c.channel, c.tickets]))).toEqual(Object.fromEntries(channels));
  });

  it('gives resolution time and reopen rate as the file says', async () => {
    const { totals } = (await getTicketReport(sqliteReportReads(t.db), filters));
    // resolved_at, or closed_at where resolved_at is "?" (the preset's rule)
    const minutes = rows.map((x) => (ms(x.resolved_at !== '?' ? x.resolved_at! : x.closed_at!) - ms(x.opened_at!)) / 60_000);
    expect(totals.resolutionMinutes.median).toBe(pct(minutes, 0.5));
    expect(totals.resolutionMinutes.p90).toBeCloseTo(pct(minutes, 0.9), 6);
    expect(totals.resolutionMinutes.mean).toBeCloseTo(minutes.reduce((a, b) => a + b, 0) / minutes.length, 6);
    // every incident is Closed, so solved = all; 234 were reopened
    expect(totals.solved).toBe(rows.length);
    expect(totals.reopenRate).toBeCloseTo(rows.filter((x) => Number(x.reopen_count) > 0).length / rows.length, 12);
    expect(totals.csat).toBeNull(); // the export has no satisfaction column
  });
});

describe('ticket report on the real call-center log', () => {
  let t: TempDb;
  const calls = parse(readFileSync(join(REAL, 'calls/anonymous_bank_callcenter_1999-02.tsv')), { columns: true, delimiter: '\t' }) as Array<Record<string, string>>;
  const secs = (v: string) => v.split(':').reduce((s, p) => s * 60 + Number(p), 0);
  const filters = { from: '1999-02-01', to: '1999-02-28', interval: 'week' as const, timeZone: 'Asia/Jerusalem', slaFirstResponseMinutes: 240 };
  beforeAll(async () => {
    t = tempDb({ KB_TZ: 'Asia/Jerusalem' });
    await importWith(t.db, join(REAL, 'calls/anonymous_bank_callcenter_1999-02.tsv'), CALLCENTER_PROFILE);
  });
  afterAll(() => t.cleanup());

  it('counts calls per local weekday, all of them phone', async () => {
    const r = (await getTicketReport(sqliteReportReads(t.db), filters));
    expect(r.totals.tickets).toBe(calls.length);
    expect(r.channels.map((c) => [c.channel, c.tickets])).toEqual([['phone', calls.length]]);
    const weekdays = countBy(calls, (c) => String(((new Date(Date.UTC(1900 + Number(c.date!.slice(0, 2)), Number(c.date!.slice(2, 4)) - 1, Number(c.date!.slice(4, 6)))).getUTCDay() + 6) % 7) + 1));
    expect(r.weekdays.map((w) => w.tickets)).toEqual([1, 2, 3, 4, 5, 6, 7].map((d) => weekdays.get(String(d)) ?? 0));
  });

  it('gives queue wait and abandonment over calls that entered the queue', async () => {
    const { totals } = (await getTicketReport(sqliteReportReads(t.db), filters));
    const queued = calls.filter((c) => c.q_start !== '0:00:00');
    const hung = queued.filter((c) => c.outcome === 'HANG');
    expect(hung.length).toBe(3963); // the README's count of callers who hung up in the queue
    expect(totals.phoneQueued).toBe(queued.length);
    expect(totals.abandoned).toBe(hung.length);
    expect(totals.abandonmentRate).toBeCloseTo(hung.length / queued.length, 12);
    expect(totals.avgWaitSeconds).toBeCloseTo(queued.reduce((s, c) => s + Number(c.q_time), 0) / queued.length, 9);
  });

  it('gives handle time, solved calls and time to an agent as the log says', async () => {
    const { totals } = (await getTicketReport(sqliteReportReads(t.db), filters));
    const served = calls.filter((c) => c.outcome === 'AGENT' && c.ser_start !== '0:00:00');
    expect(totals.avgHandleSeconds).toBeCloseTo(served.reduce((s, c) => s + Number(c.ser_time), 0) / served.length, 9);
    expect(totals.solved).toBe(calls.filter((c) => c.outcome === 'AGENT').length);
    // first response = service start, minutes after the call came in (times wrap past midnight)
    const waits = served.map((c) => (((secs(c.ser_start!) - secs(c.vru_entry!)) % 86_400) + 86_400) % 86_400 / 60);
    expect(totals.firstResponseMinutes.median).toBeCloseTo(pct(waits, 0.5), 9);
    expect(totals.firstResponseMinutes.p90).toBeCloseTo(pct(waits, 0.9), 9);
  });
});
