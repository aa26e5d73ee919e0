/** The five reports by name, so the API route and the CLI run exactly the same queries. */
import type { Config } from '../../db/shared/config.ts';
import type { Db } from '../../db/sqlite/client.ts';
import type { Catalog } from '../../db/shared/catalog.ts';
import { getArticleReport } from '../../db/reports/getArticleReport.ts';
import { getGapsReport } from '../../db/reports/getGapsReport.ts';
import { getOverviewReport } from '../../db/reports/getOverviewReport.ts';
import { getSearchReport } from '../../db/reports/getSearchReport.ts';
import { getTicketReport } from '../../db/reports/getTicketReport.ts';
import { getContactFormReport } from '../../db/reports/getContactFormReport.ts';
import type { Interval, Report } from '../../db/shared/reports.ts';
import { previousPeriod } from '../../db/shared/report-range.ts';

export const REPORT_NAMES = ['overview', 'articles', 'search', 'gaps', 'tickets', 'contact'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

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

/** Runs one report with the configured zone and SLA; with `compare`, the same report again for the period before. */
export function runReport(name: ReportName, db: Db, config: Config, catalog: Catalog, req: ReportRequest): AnyReport {
  const report = runOne(name, db, config, catalog, req, false);
  if (req.compare !== 'previous') return report;
  // The same query over the previous range (STYLE: a comparison period is the same query called twice).
  const before = previousPeriod(req.from, req.to);
  const previous: PreviousTotals = { ...before, totals: runOne(name, db, config, catalog, { ...req, ...before }, true).totals };
  return { ...report, previous };
}

function runOne(name: ReportName, db: Db, config: Config, catalog: Catalog, req: ReportRequest, totalsOnly: boolean): AnyReport {
  const filters = { from: req.from, to: req.to, interval: req.interval, timeZone: config.timeZone, ...(req.locale ? { locale: req.locale } : {}) };
  switch (name) {
    case 'overview':
      return getOverviewReport(db, { ...filters, costPerTicket: config.costPerTicket }, catalog) as unknown as AnyReport;
    case 'articles':
      // Totals need the read-time medians but not the before/after of every edit.
      return getArticleReport(db, { ...filters, ...(req.article ? { article: req.article } : {}) }, catalog, { readTimes: true, changes: !totalsOnly }) as unknown as AnyReport;
    case 'search':
      return getSearchReport(db, filters) as unknown as AnyReport;
    case 'gaps':
      return getGapsReport(db, filters, catalog) as unknown as AnyReport;
    case 'tickets':
      return getTicketReport(db, {
        ...filters,
        slaFirstResponseMinutes: config.slaFirstResponseMinutes,
        ...(config.businessHours ? { businessHours: config.businessHours } : {}),
        totalsOnly,
      }) as unknown as AnyReport;
    case 'contact':
      return getContactFormReport(db, filters) as unknown as AnyReport;
  }
}
