/** The reports by name, so the API route and the CLI run exactly the same queries. */
import type { Config } from '../../db/shared/config.ts';
import type { Catalog } from '../../db/shared/catalog.ts';
import type { Store } from '../../db/store.ts';
import type { Interval, Report, ReportName } from '../../db/shared/reports.ts';

export { REPORT_NAMES, type ReportName } from '../../db/shared/reports.ts';

export interface ReportRequest {
  from: string;
  to: string;
  interval: Interval;
  locale?: string;
  article?: string;
}

export type AnyReport = Report<object, object> & Record<string, unknown>;

/** Runs one report with the configured zone and SLA. */
export async function runReport(name: ReportName, store: Store, config: Config, catalog: Catalog, req: ReportRequest): Promise<AnyReport> {
  const filters = { from: req.from, to: req.to, interval: req.interval, timeZone: config.timeZone, ...(req.locale ? { locale: req.locale } : {}) };
  const { reports } = store;
  const report = await (() => {
    switch (name) {
      case 'overview':
        return reports.overview(filters, catalog);
      case 'articles':
        return reports.articles({ ...filters, ...(req.article ? { article: req.article } : {}) }, catalog);
      case 'search':
        return reports.search(filters);
      case 'gaps':
        return reports.gaps(filters, catalog);
      case 'tickets':
        return reports.tickets({ ...filters, slaFirstResponseMinutes: config.slaFirstResponseMinutes });
      case 'contact':
        return reports.contact(filters);
    }
  })();
  return report as unknown as AnyReport;
}
