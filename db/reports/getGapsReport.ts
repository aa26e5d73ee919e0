/** SPEC 7.2a: one queue for writers, worst first, each row saying why it is there and how big it is. */
import type { ReportReads } from './report-reads.ts';
import type { Catalog } from '../shared/catalog.ts';
import { getArticleReport } from './getArticleReport.ts';
import { getOverviewReport } from './getOverviewReport.ts';
import { getSearchReport } from './getSearchReport.ts';
import type { GapKind, GapReport, GapRow, ReportFilters } from '../shared/reports.ts';

export type { GapReport, GapRow, GapKind } from '../shared/reports.ts';

/** A topic is a gap when it has at least this many tickets and under half the site's views per ticket. */
export const TOPIC_GAP = { minTickets: 10, viewsPerTicketShare: 0.5 } as const;

const KIND_ORDER: GapKind[] = ['zero_result_query', 'contact_query', 'drives_contacts', 'unhelpful', 'topic'];
const pct = (r: number | null) => (r === null ? 'n/a' : `${Math.round(r * 100)}%`);

export async function getGapsReport(reads: ReportReads, filters: ReportFilters, catalog: Catalog): Promise<GapReport> {
  const search = await getSearchReport(reads, filters);
  // The queue uses the contact and helpful figures only, so read times and edits are left out.
  const articles = await getArticleReport(reads, filters, catalog, { readTimes: false, changes: false });
  const overview = await getOverviewReport(reads, filters, catalog, { requesters: false }); // tickets and topics only
  const gaps: GapRow[] = [];
  for (const q of search.zeroResultQueries) {
    gaps.push({
      kind: 'zero_result_query', key: q.query, title: q.query, size: q.zeroResultSearches, unit: 'searches',
      reason: `Searched ${q.zeroResultSearches} times with no results: no article answers it.`,
    });
  }
  for (const q of search.contactQueries) {
    gaps.push({
      kind: 'contact_query', key: q.query, title: q.query, size: q.contactSessions, unit: 'sessions',
      reason: `${q.contactSessions} of ${q.sessions} sessions that searched it then contacted support (${pct(q.contactRate)}).`,
    });
  }
  for (const a of articles.articles) {
    if (a.flags.includes('drives_contacts')) {
      gaps.push({
        kind: 'drives_contacts', key: a.slug, title: a.title, size: a.contactsAfterRead, unit: 'sessions',
        reason: `${pct(a.contactRate)} of its readers contact support, against ${pct(articles.siteContactRate)} site-wide.`,
      });
    }
    if (a.flags.includes('unhelpful')) {
      gaps.push({
        kind: 'unhelpful', key: a.slug, title: a.title, size: a.helpfulNo, unit: 'votes',
        reason: `${a.helpfulNo} of ${a.helpfulYes + a.helpfulNo} voters found it unhelpful; helpful rate at best ${pct(a.helpfulLow)} (95% lower bound).`,
      });
    }
  }
  const topicViews = overview.topics.reduce((s, t) => s + t.views, 0);
  const topicTickets = overview.topics.reduce((s, t) => s + t.tickets, 0);
  const siteVpt = topicTickets > 0 ? topicViews / topicTickets : null;
  for (const t of overview.topics) {
    if (t.tickets < TOPIC_GAP.minTickets || siteVpt === null) continue;
    if ((t.viewsPerTicket ?? 0) >= TOPIC_GAP.viewsPerTicketShare * siteVpt) continue;
    gaps.push({
      kind: 'topic', key: t.category, title: t.title, size: t.tickets, unit: 'tickets',
      reason: `${t.tickets} tickets but only ${t.views} article views (${(t.viewsPerTicket ?? 0).toFixed(1)} per ticket, site ${siteVpt.toFixed(1)}).`,
    });
  }
  gaps.sort((a, b) => b.size - a.size || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.key.localeCompare(b.key));
  const series = search.series.map((p, i) => ({
    period: p.period,
    zeroResultSearches: p.zeroResultSearches,
    contactsAfterRead: articles.series[i]!.contactsAfterRead,
    tickets: overview.series[i]!.tickets,
  }));
  return {
    from: filters.from,
    to: filters.to,
    interval: filters.interval,
    totals: {
      gaps: gaps.length,
      zeroResultSearches: search.totals.zeroResultSearches,
      contactsAfterRead: articles.totals.contactsAfterRead,
      tickets: overview.totals.tickets,
    },
    series,
    gaps,
  };
}
