/** The Store's reports group over either store's ReportReads: the report code is one, only the reads differ. */
import type { ReportsStore } from '../store.ts';
import type { ReportReads } from './report-reads.ts';
import { getOverviewReport } from './getOverviewReport.ts';
import { getArticleReport } from './getArticleReport.ts';
import { getSearchReport } from './getSearchReport.ts';
import { getGapsReport } from './getGapsReport.ts';
import { getTicketReport } from './getTicketReport.ts';
import { getContactFormReport } from './getContactFormReport.ts';
import { getQueryDetail } from './getQueryDetail.ts';
import { getArticleViews } from './getArticleViews.ts';

/** `zone`: KB_TZ, the local days the article views are summed over. */
export function reportsStore(reads: ReportReads, zone: string): ReportsStore {
  return {
    overview: (filters, catalog) => getOverviewReport(reads, filters, catalog),
    articles: (filters, catalog) => getArticleReport(reads, filters, catalog),
    search: (filters) => getSearchReport(reads, filters),
    gaps: (filters, catalog) => getGapsReport(reads, filters, catalog),
    tickets: (filters) => getTicketReport(reads, filters),
    contact: (filters) => getContactFormReport(reads, filters),
    queryDetail: (filters) => getQueryDetail(reads, filters),
    articleViews: (locale, from, to) => getArticleViews(reads, zone, locale, from, to),
  };
}
