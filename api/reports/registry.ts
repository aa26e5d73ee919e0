/** The reports by name, so the API route, the CLI and the digest run exactly the same queries. */
import type { Config } from '../../db/shared/config.ts';
import type { Catalog } from '../../db/shared/catalog.ts';
import type { Store } from '../../db/store.ts';
import type { Interval, Report, ReportName } from '../../db/shared/reports.ts';
import { previousPeriod } from '../../db/shared/report-range.ts';

export { REPORT_NAMES, type ReportName } from '../../db/shared/reports.ts';

export interface ReportRequest {
  from: string;
  to: string;
  interval: Interval;
  locale?: string;
  article?: string;
  /** `previous`: add `previous: { from, to, totals }` for the period of the same length just before. */
  compare?: 'previous';
}

export type AnyReport = Report<object, object> & Record<string, unknown>;

/** What `compare=previous` adds to a report. */
export interface PreviousTotals {
  from: string;
  to: string;
  totals: object;
}

/** Runs one report with the configured zone, SLA, business hours and cost; with `compare`, the same report again for the period before. */
export async function runReport(name: ReportName, store: Store, config: Config, catalog: Catalog, req: ReportRequest): Promise<AnyReport> {
  const report = await runOne(name, store, config, catalog, req, false);
  if (req.compare !== 'previous') return report;
  // The same query over the previous range (STYLE: a comparison period is the same query called twice).
  const before = previousPeriod(req.from, req.to);
  const previous: PreviousTotals = { ...before, totals: (await runOne(name, store, config, catalog, { ...req, ...before }, true)).totals };
  return { ...report, previous };
}

/** One report; `totalsOnly` lets it skip what only its lists need (edits' before/after, per-agent medians, the forecast). */
async function runOne(name: ReportName, store: Store, config: Config, catalog: Catalog, req: ReportRequest, totalsOnly: boolean): Promise<AnyReport> {
  const filters = { from: req.from, to: req.to, interval: req.interval, timeZone: config.timeZone, ...(req.locale ? { locale: req.locale } : {}) };
  const { reports } = store;
  const report = await (() => {
    switch (name) {
      case 'overview':
        return reports.overview({ ...filters, costPerTicket: config.costPerTicket, totalsOnly }, catalog);
      case 'articles':
        return reports.articles({ ...filters, ...(req.article ? { article: req.article } : {}), totalsOnly }, catalog);
      case 'search':
        return reports.search({ ...filters, totalsOnly });
      case 'gaps':
        return reports.gaps(filters, catalog);
      case 'tickets':
        return reports.tickets({
          ...filters,
          slaFirstResponseMinutes: config.slaFirstResponseMinutes,
          ...(config.businessHours ? { businessHours: config.businessHours } : {}),
          totalsOnly,
        });
      case 'contact':
        return reports.contact(filters);
    }
  })();
  return report as unknown as AnyReport;
}
