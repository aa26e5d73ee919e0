/** KB_BUSINESS_HOURS and KB_HOLIDAYS: business minutes across weekends, holidays and daylight-saving changes (SPEC 7.3). */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/env.ts';
import { BusinessClock, parseBusinessHours, type BusinessHours } from '../../db/reports/business-hours.ts';
import { getTicketReport } from '../../db/reports/getTicketReport.ts';
import { sqliteReportReads } from '../../db/reports/report-reads.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { addTickets } from './store.ts';

const zone = 'Europe/Berlin';
const hours = (text: string, holidays: string[] = []) => parseBusinessHours(text, holidays) as BusinessHours;
const at = (local: string) => DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone }).toMillis();
const minutes = (clock: BusinessClock, a: string, b: string) => clock.between(at(a), at(b)) / 60_000;

describe('business hours setting', () => {
  it('reads days and hours, several groups, and says what is wrong with a bad one', () => {
    expect(hours('Mon-Fri 09:00-17:00').windows.map((d) => d.length)).toEqual([1, 1, 1, 1, 1, 0, 0]);
    expect(hours('mon-fri 9:00-12:30; Mon-Fri 13:30-17:00, Sat 10:00-14:00').windows[0]).toEqual([[540, 750], [810, 1020]]);
    expect(parseBusinessHours('weekdays 9-5')).toMatch(/is not "Day-Day HH:MM-HH:MM"/);
    expect(parseBusinessHours('Fri-Mon 09:00-17:00')).toMatch(/run forward/);
    expect(parseBusinessHours('Mon 22:00-06:00')).toMatch(/split a night shift at midnight/);
    expect(parseBusinessHours('Mon 09:00-12:00, Mon 11:00-13:00')).toMatch(/overlap on mon/);
    expect(() => loadConfig({ KB_BUSINESS_HOURS: 'Mon-Fri 09:00-17:00', KB_HOLIDAYS: '2026-12-25, 25/12/2026' })).toThrow('KB_HOLIDAYS: "25/12/2026" is not a date as YYYY-MM-DD');
    expect(() => loadConfig({ KB_HOLIDAYS: '2026-12-25' })).toThrow('KB_HOLIDAYS: only counts with KB_BUSINESS_HOURS set');
    expect(loadConfig({ KB_BUSINESS_HOURS: 'Mon-Fri 09:00-17:00', KB_HOLIDAYS: '2026-12-25 2026-12-24' }).businessHours?.holidays).toEqual(['2026-12-24', '2026-12-25']);
  });
});

describe('business clock', () => {
  const office = new BusinessClock(hours('Mon-Fri 09:00-17:00', ['2026-12-25']), zone);

  it('counts only open hours inside a day', () => {
    expect(minutes(office, '2026-11-02 08:00', '2026-11-02 09:30')).toBe(30); // before opening does not count
    expect(minutes(office, '2026-11-02 16:30', '2026-11-02 19:00')).toBe(30);
    expect(minutes(office, '2026-11-02 18:00', '2026-11-03 08:00')).toBe(0); // the night
    expect(minutes(office, '2026-11-03 10:00', '2026-11-03 09:00')).toBe(0); // backwards
  });

  it('skips a weekend', () => {
    // Friday 16:00 to Monday 10:00: one hour on Friday, one on Monday
    expect(minutes(office, '2026-11-06 16:00', '2026-11-09 10:00')).toBe(120);
    // a ticket sent on Saturday and answered Monday at 09:45 waited 45 business minutes
    expect(minutes(office, '2026-11-07 11:00', '2026-11-09 09:45')).toBe(45);
  });

  it('skips a holiday', () => {
    // Thursday 24 December 16:30 to Monday 28 December 09:30, Friday 25th a holiday: 30 + 30 minutes
    expect(minutes(office, '2026-12-24 16:30', '2026-12-28 09:30')).toBe(60);
    const noHoliday = new BusinessClock(hours('Mon-Fri 09:00-17:00'), zone);
    expect(minutes(noHoliday, '2026-12-24 16:30', '2026-12-28 09:30')).toBe(60 + 8 * 60);
  });

  it('counts the hours the clock on the wall shows across a daylight-saving change', () => {
    // Friday 27 March 16:00 CET to Monday 30 March 10:00 CEST: still 2 business hours (the calendar says 65)
    expect(minutes(office, '2026-03-27 16:00', '2026-03-30 10:00')).toBe(120);
    expect((at('2026-03-30 10:00') - at('2026-03-27 16:00')) / 3_600_000).toBe(65);
    // Open on Sundays 00:00-06:00: on 29 March 2026 that window is 5 hours long (02:00 becomes 03:00) ...
    const sundays = new BusinessClock(hours('Sun 00:00-06:00'), zone);
    expect(minutes(sundays, '2026-03-28 12:00', '2026-03-30 09:00')).toBe(5 * 60);
    // ... and on 25 October 2026 it is 7 hours long (03:00 becomes 02:00 again)
    expect(minutes(sundays, '2026-10-24 12:00', '2026-10-26 09:00')).toBe(7 * 60);
    expect(minutes(sundays, '2026-11-07 12:00', '2026-11-09 09:00')).toBe(6 * 60);
  });
});

describe('ticket report on the business clock', () => {
  let t: TempDb;
  beforeAll(() => {
    t = tempDb({ KB_TZ: zone });
    addTickets(t, [
      // Friday 16:00, answered Monday 10:00 (3,960 calendar minutes), solved Monday 12:00
      { created: '2026-11-06 16:00', channel: 'email', assignee: 'ann', status: 'solved', replies: 1, reopens: 0, firstResponseAfter: 3960, solvedAfter: 4080 },
      // Saturday 11:00, answered Monday 09:45
      { created: '2026-11-07 11:00', channel: 'web', assignee: 'ann', firstResponseAfter: 2805 },
      // Thursday 24 December 16:30, answered Monday 28th 09:30 over the holiday (5,340 calendar minutes)
      { created: '2026-12-24 16:30', channel: 'email', assignee: 'bob', firstResponseAfter: 5340 },
    ]);
  });
  afterAll(() => t.cleanup());

  const filters = { from: '2026-11-01', to: '2026-12-31', interval: 'month' as const, timeZone: zone, slaFirstResponseMinutes: 100 };

  it('counts first response, resolution and SLA breaches in business minutes, and says so', async () => {
    const business = await getTicketReport(sqliteReportReads(t.db), { ...filters, businessHours: hours('Mon-Fri 09:00-17:00', ['2026-12-25']) });
    expect(business.clock).toBe('business');
    expect(business.businessHours).toEqual({ hours: 'Mon-Fri 09:00-17:00', holidays: ['2026-12-25'] });
    // 120, 45, 60 business minutes -> median 60, mean 75; one over the 100-minute SLA
    expect(business.totals.firstResponseMinutes.median).toBe(60);
    expect(business.totals.firstResponseMinutes.mean).toBe(75);
    expect(business.totals.slaBreaches).toBe(1);
    expect(business.totals.resolutionMinutes.median).toBe(240);
    expect(business.series.map((p) => [p.period, p.firstResponseMinutes.median])).toEqual([['2026-11-01', 82.5], ['2026-12-01', 60]]);
    expect(business.assignees.map((a) => [a.assignee, a.firstResponseMinutes.median])).toEqual([['ann', 82.5], ['bob', 60]]);
    const calendar = await getTicketReport(sqliteReportReads(t.db), filters);
    expect(calendar.clock).toBe('calendar');
    expect(calendar.businessHours).toBeNull();
    expect(calendar.totals.firstResponseMinutes.median).toBe(3960);
    expect(calendar.totals.slaBreaches).toBe(3);
  });
});
