/** The contact form's deflection report (SPEC 4.1): suggestions shown and opened, forms submitted, implicit deflections. */
import type { ReportReads } from './report-reads.ts';
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

export async function getContactFormReport(reads: ReportReads, f: ReportFilters): Promise<ContactFormReport> {
  const [start, end] = rangeMs(f.from, f.to, f.timeZone);
  const { shown, clicked, submitted } = await reads.contactForm(start, end, f.locale);

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
