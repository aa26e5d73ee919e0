/** The contact form's deflection report (SPEC 4.1): suggestions shown and opened, forms submitted, implicit deflections. */
import { sql } from 'drizzle-orm';
import type { Db } from '../sqlite/client.ts';
import { localDayFn } from './rollups/local-day.ts';
import { fillSeries, periodOf, periodsBetween, rangeMs } from './periods.ts';
import { MIN_SAMPLE, sampledRate } from './stats.ts';
import type { ContactFormFigures, ContactFormReport, Rate, ReportFilters } from '../shared/reports.ts';

export type { ContactFormFigures, ContactFormReport } from '../shared/reports.ts';

type Counts = Pick<ContactFormFigures, 'deflectorShown' | 'deflectorClicked' | 'submitted' | 'implicitDeflections'>;
const zero = (): Counts => ({ deflectorShown: 0, deflectorClicked: 0, submitted: 0, implicitDeflections: 0 });
/** `minSample` (series points: MIN_SAMPLE) leaves the rates null under that many sessions shown suggestions. */
const withRates = (c: Counts, minSample = 1): ContactFormFigures => ({
  ...c,
  clickRate: sampledRate(c.deflectorClicked, c.deflectorShown, minSample),
  implicitDeflectionRate: sampledRate(c.implicitDeflections, c.deflectorShown, minSample),
});

export function getContactFormReport(db: Db, f: ReportFilters): ContactFormReport {
  const [start, end] = rangeMs(f.from, f.to, f.timeZone);
  const locale = f.locale ? sql`and locale = ${f.locale}` : sql``;
  const firstPerSession = (type: 'suggest_shown' | 'suggest_click') => sql`
    select session_id as sessionId, min(ts) as first from events
    where type = ${type} and ts >= ${start} and ts < ${end} ${locale} group by session_id`;

  const shown = db.all<{ first: number }>(firstPerSession('suggest_shown'));
  const clicked = db.all<{ sessionId: number; first: number; submittedAfter: number }>(sql`
    select c.sessionId, c.first, exists (
      select 1 from events e
      where e.session_id = c.sessionId and e.type = 'contact' and e.via = 'form' and e.ts >= c.first
    ) as submittedAfter
    from (${firstPerSession('suggest_click')}) c`);
  const submitted = db.all<{ ts: number }>(sql`
    select ts from events where type = 'contact' and via = 'form' and ts >= ${start} and ts < ${end} ${locale}`);

  const dayOf = localDayFn(f.timeZone);
  const points = new Map<string, Counts>();
  const bump = (ts: number, key: keyof Counts) => {
    const p = periodOf(dayOf(ts), f.interval, f.from);
    const c = points.get(p) ?? zero();
    c[key]++;
    points.set(p, c);
  };
  for (const s of shown) bump(s.first, 'deflectorShown');
  for (const s of clicked) {
    bump(s.first, 'deflectorClicked');
    if (!s.submittedAfter) bump(s.first, 'implicitDeflections');
  }
  for (const s of submitted) bump(s.ts, 'submitted');

  const totals = zero();
  for (const c of points.values()) for (const k of Object.keys(totals) as Array<keyof Counts>) totals[k] += c[k];
  return {
    from: f.from,
    to: f.to,
    interval: f.interval,
    totals: withRates(totals),
    series: fillSeries(periodsBetween(f.from, f.to, f.interval), new Map([...points].map(([p, c]) => [p, withRates(c, MIN_SAMPLE)])), () => withRates(zero(), MIN_SAMPLE)),
  };
}
