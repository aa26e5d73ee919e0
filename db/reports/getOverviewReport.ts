/** SPEC 7.4: reads against ticket volume, self-service score and rate, session outcomes, per-topic table. */
import { bySlug, type Catalog } from '../shared/catalog.ts';
import { dayFromNumber, dayNumber, fillSeries, periodOf, periodsBetween } from './periods.ts';
import { MIN_SAMPLE, rate } from './stats.ts';
import { splitCombo, type DimRow } from './ticket-reads.ts';
import type { ReportReads } from './report-reads.ts';
import type { OverviewFigures, OverviewReport, OverviewReportFilters, ReportFilters, TopicRow } from '../shared/reports.ts';

export type { OverviewReport, OverviewFigures, OverviewReportFilters, TopicRow } from '../shared/reports.ts';

interface Sums {
  views: number;
  visitors: number;
  searches: number;
  contacts: number;
  sessions: number;
  foundAnswer: number;
  failed: number;
  contacted: number;
  contactsAfterRead: number;
  tickets: number;
  requesters: number;
}
const zero = (): Sums => ({
  views: 0, visitors: 0, searches: 0, contacts: 0, sessions: 0, foundAnswer: 0, failed: 0, contacted: 0,
  contactsAfterRead: 0, tickets: 0, requesters: 0,
});
type SiteRow = Omit<Sums, 'tickets' | 'requesters' | 'contactsAfterRead'> & { day: string };

/**
 * `minSample` (series points: MIN_SAMPLE) leaves selfServiceRate null under that many sessions; `cost` (per ticket)
 * turns the tickets avoided into money.
 */
function figures(s: Sums, minSample = 1, cost?: number): OverviewFigures {
  return {
    views: s.views,
    visitors: s.visitors,
    searches: s.searches,
    contacts: s.contacts,
    contactsAfterRead: s.contactsAfterRead,
    tickets: s.tickets,
    viewsPerTicket: s.tickets > 0 ? s.views / s.tickets : null,
    requesters: s.requesters,
    selfServiceScore: s.requesters > 0 ? s.visitors / s.requesters : null,
    sessions: s.sessions,
    selfServiceRate: s.sessions > 0 && s.sessions >= minSample ? 1 - s.contacted / s.sessions : null,
    foundAnswer: s.foundAnswer,
    failed: s.failed,
    contacted: s.contacted,
    ticketsAvoided: s.foundAnswer,
    costAvoided: cost === undefined ? null : s.foundAnswer * cost,
  };
}

/** What a caller that needs only part of the report can leave out (the gaps queue needs no requesters). */
export interface OverviewReportParts {
  /** Distinct ticket requesters (and so selfServiceScore): not additive, counted per period. */
  requesters: boolean;
}

export async function getOverviewReport(
  reads: ReportReads,
  filters: OverviewReportFilters,
  catalog: Catalog,
  parts: OverviewReportParts = { requesters: true },
): Promise<OverviewReport> {
  const cost = filters.costPerTicket;
  await reads.settle(filters.timeZone); // rollups trail ingest by a fraction of a second
  const { from, to, interval, timeZone } = filters;
  const locale = filters.locale ?? '*';
  const total = zero();
  const points = new Map<string, Sums>();
  const at = (day: string) => {
    const p = periodOf(day, interval, from);
    return points.get(p) ?? (points.set(p, zero()), points.get(p)!);
  };
  for (const r of await reads.siteDays(locale, from, to)) {
    for (const s of [total, at(r.day)]) {
      s.views += r.views;
      s.visitors += r.visitors;
      s.searches += r.searches;
      s.contacts += r.contacts;
      s.sessions += r.sessions;
      s.foundAnswer += r.foundAnswer;
      s.failed += r.failed;
      s.contacted += r.contacted;
    }
  }
  const articleViews = new Map<string, number>();
  for (const r of await reads.articleDays(locale, from, to)) {
    total.contactsAfterRead += r.contactsAfterRead;
    at(r.day).contactsAfterRead += r.contactsAfterRead;
    articleViews.set(r.article, (articleViews.get(r.article) ?? 0) + r.views);
  }
  await reads.ensureTicketRollups(timeZone);
  const [lo, hi] = [dayNumber(from), dayNumber(to)];
  for (const d of await reads.ticketDaySums(lo, hi)) {
    total.tickets += d.tickets;
    at(dayFromNumber(d.day)).tickets += d.tickets;
  }
  const only = filters.totalsOnly === true;
  if (parts.requesters) await requesters(reads, total, only ? new Map() : points, interval, lo, hi);
  return {
    from,
    to,
    interval,
    totals: figures(total, 1, cost),
    series: fillSeries(periodsBetween(from, to, interval), new Map([...points].map(([p, s]) => [p, figures(s, MIN_SAMPLE, cost)])), () => figures(zero(), MIN_SAMPLE, cost)),
    costPerTicket: cost ?? null,
    topics: only ? [] : topics(await reads.ticketDim('combo', lo, hi), catalog, filters.locale, articleViews),
  };
}

/** Distinct requesters are not additive: counted once over the range and once per period. */
async function requesters(reads: ReportReads, total: Sums, points: Map<string, Sums>, interval: ReportFilters['interval'], lo: number, hi: number) {
  const bounds = new Map<string, [number, number]>();
  for (let n = lo; n <= hi; n++) {
    const p = periodOf(dayFromNumber(n), interval, dayFromNumber(lo));
    const b = bounds.get(p);
    bounds.set(p, b ? [b[0], n] : [n, n]);
  }
  const periods = [...bounds].filter(([p]) => points.has(p));
  const [all, ...each] = await reads.distinctRequesters([[lo, hi], ...periods.map(([, b]) => b)]);
  total.requesters = all!;
  periods.forEach(([p], i) => (points.get(p)!.requesters = each[i]!));
}

function topics(comboRows: readonly DimRow[], catalog: Catalog, locale: string | undefined, articleViews: Map<string, number>): TopicRow[] {
  const categories = [...bySlug(catalog.categories, locale).values()].sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  const categoryOf = new Map([...bySlug(catalog.articles, locale).values()].map((a) => [a.slug, a.category]));
  const views = new Map<string, number>();
  for (const [slug, n] of articleViews) {
    const c = categoryOf.get(slug);
    if (c) views.set(c, (views.get(c) ?? 0) + n);
  }
  // Each combo of (type, tags) is counted once for a category it touches, so a ticket counts once per topic.
  const combos = comboRows.map((r) => ({ ...splitCombo(r.value), tickets: r.tickets }));
  return categories.map((c) => {
    const tickets = combos
      .filter((k) => c.ticketTypes.includes(k.type) || k.tags.some((t) => c.ticketTags.includes(t)))
      .reduce((sum, k) => sum + k.tickets, 0);
    const v = views.get(c.slug) ?? 0;
    return { category: c.slug, title: c.title, views: v, tickets, viewsPerTicket: rate(v, tickets), ticketTags: c.ticketTags, ticketTypes: c.ticketTypes };
  });
}
