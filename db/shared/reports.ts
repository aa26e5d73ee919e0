/** Shapes shared by every report (SPEC 7): the filters a report takes and the result envelope it answers. */
import type { BusinessHours } from './business-hours.ts';

/** The periods a report's series can be cut in. */
export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

/**
 * Below this many in its denominator (sessions, views, votes, searches, tickets: whatever the rate divides by), a
 * rate on a series point is null (SPEC 7.5), and the dashboard says "not enough data" for a row's rate.
 */
export const MIN_SAMPLE = 20;

/** What every report is asked for. `from`/`to` are inclusive local dates (YYYY-MM-DD) in `timeZone`. */
export interface ReportFilters {
  from: string;
  to: string;
  interval: Interval;
  /** IANA zone the days, weeks, months and weekdays are counted in (config.timeZone, KB_TZ). */
  timeZone: string;
  /** Only events sent from pages in this locale (event-based figures; tickets have no locale). */
  locale?: string;
}

/**
 * The envelope of every report: `{ from, to, interval, totals, series, ...lists }`.
 * A series has one entry per period in the range, zero-filled: `period` (YYYY-MM-DD) is the day, or the first
 * day of the ISO week or month inside the range (weeks and months are clipped to the range).
 */
export interface Report<Totals, Point = Totals> {
  from: string;
  to: string;
  interval: Interval;
  totals: Totals;
  series: Array<{ period: string } & Point>;
}

/** Median, mean and 90th percentile of a set of durations; null when the set is empty. */
export interface Quantiles {
  median: number | null;
  mean: number | null;
  p90: number | null;
}

/** A rate is a fraction 0..1, or null when its denominator is 0. */
export type Rate = number | null;

// ---- 7.1 Articles ------------------------------------------------------------------------------

/** The per-article figures of SPEC 7.1 (also summed site-wide in totals and per period in series). */
export interface ArticleFigures {
  /** `view` events. */
  views: number;
  /** Distinct visitors per day, summed over days (a person on two days counts twice). */
  visitors: number;
  /** Over page views with engagement (largest `seconds` per pv > 0). */
  avgReadSeconds: number | null;
  medianReadSeconds: number | null;
  /** Page views whose deepest scroll >= 90, over views. */
  readThroughRate: Rate;
  /** Last vote per page view. */
  helpfulYes: number;
  helpfulNo: number;
  helpfulRate: Rate;
  /** Wilson score lower bound (95%) of helpfulRate. */
  helpfulLow: Rate;
  /** Sessions with a view of the article. */
  sessions: number;
  /** Of those sessions, the ones where a contact follows a view within KB_ATTRIBUTION_MINUTES, no other article between. */
  contactsAfterRead: number;
  contactRate: Rate;
  deflectionRate: Rate;
}

export type ArticleFlag = 'unhelpful' | 'drives_contacts' | 'skimmed' | 'no_traffic';

/** contactRate and helpfulRate in the 28 days before (D-28..D-1) and after (D+1..D+28) an edit on day D. */
export interface ArticleChange {
  date: string;
  before: { contactRate: Rate; helpfulRate: Rate; sessions: number; votes: number };
  after: { contactRate: Rate; helpfulRate: Rate; sessions: number; votes: number };
  /** The contact rate changed at 95% (two-proportion z-test); null under 20 sessions on either side. */
  significant: boolean | null;
  /** The helpful rate changed at 95% (two-proportion z-test); null under 20 votes on either side. */
  helpfulSignificant: boolean | null;
}

export interface ArticleComment {
  date: string;
  locale: string;
  text: string;
}

export interface ArticleRow extends ArticleFigures {
  slug: string;
  title: string;
  /** Category slug; null for a slug seen in events but missing from content/. */
  category: string | null;
  expectedReadSeconds: number | null;
  updated: string | null;
  flags: ArticleFlag[];
  comments: ArticleComment[];
  changes: ArticleChange[];
}

export interface ArticleReportFilters extends ReportFilters {
  /** Only this article (series and list); the dashboard's article page. */
  article?: string;
  /** Only what `totals` needs (compare=previous): no before/after of every edit. */
  totalsOnly?: boolean;
}

export interface ArticleReport extends Report<ArticleFigures> {
  /** Site contact rate the `drives_contacts` flag compares against (all articles' contactsAfterRead / sessions). */
  siteContactRate: Rate;
  /** Worst first: most flags, then lowest helpfulLow, then most views. */
  articles: ArticleRow[];
}

// ---- 7.2 Search --------------------------------------------------------------------------------

export interface SearchFigures {
  searches: number;
  zeroResultSearches: number;
  zeroResultRate: Rate;
  /** Searches followed by a search_click in the same session before the next search, over searches. */
  clickThroughRate: Rate;
  /** Searches with results > 0 and no click. */
  bouncedSearches: number;
}

export interface QueryRow extends SearchFigures {
  /** Normalised query (trimmed, lower case, spaces collapsed). */
  query: string;
  /** Sessions that searched this query. */
  sessions: number;
  /** Of those, sessions with a contact after the search. */
  contactSessions: number;
  contactRate: Rate;
}

export interface SearchReport extends Report<SearchFigures> {
  /** Top 100 queries by searches. */
  queries: QueryRow[];
  /** Top 100 queries with zero results, by zeroResultSearches. */
  zeroResultQueries: QueryRow[];
  /** Top 100 queries by contactSessions (queries that end in contact). */
  contactQueries: QueryRow[];
}

// ---- 7.2a Gaps ---------------------------------------------------------------------------------

export type GapKind = 'zero_result_query' | 'contact_query' | 'drives_contacts' | 'unhelpful' | 'topic';

export interface GapRow {
  kind: GapKind;
  /** The query, article slug or category slug. */
  key: string;
  title: string;
  /** One sentence saying why the row is in the queue. */
  reason: string;
  /** How big the gap is, in `unit`s; the queue is sorted by it, largest first. */
  size: number;
  unit: 'searches' | 'sessions' | 'votes' | 'tickets';
}

export interface GapFigures {
  zeroResultSearches: number;
  contactsAfterRead: number;
  tickets: number;
}

export interface GapReport extends Report<GapFigures & { gaps: number }, GapFigures> {
  gaps: GapRow[];
}

// ---- 7.3 Tickets -------------------------------------------------------------------------------

export interface TicketFigures {
  /** Tickets created in the period. */
  tickets: number;
  /** Created in the period and status solved or closed. */
  solved: number;
  firstResponseMinutes: Quantiles;
  /** Tickets whose first response took longer than slaFirstResponseMinutes. */
  slaBreaches: number;
  resolutionMinutes: Quantiles;
  /** Agent replies per solved ticket (solved tickets with a known reply count). */
  repliesPerTicket: number | null;
  /** Solved with replies <= 1 and no reopen, over solved tickets with a known reply count. */
  firstContactResolution: Rate;
  /** Solved tickets reopened at least once, over solved tickets. */
  reopenRate: Rate;
  /** good / rated: `good`, 4 and 5 are good; `bad`, 1..3 are not. */
  csat: Rate;
  csatRated: number;
  avgHandleSeconds: number | null;
  /** Phone contacts that entered the queue (wait_seconds known). */
  phoneQueued: number;
  avgWaitSeconds: number | null;
  abandoned: number;
  abandonmentRate: Rate;
}

export interface TicketForecast {
  method: string;
  /** Mean absolute percentage error (fraction) of the same method over the last 28 days of the period; null when the period is too short. */
  mape: number | null;
  /** The same error for a seasonal-naive forecast (each day = the same weekday a week earlier) over the same 28 days. */
  baselineMape: number | null;
  days: Array<{ date: string; tickets: number }>;
}

/** The per-assignee and per-channel KPIs (SPEC 7.3). */
export interface TicketGroupFigures {
  /** Tickets created in the range. */
  tickets: number;
  /** Of those, solved or closed. */
  solved: number;
  firstResponseMinutes: { median: number | null };
  resolutionMinutes: { median: number | null };
  /** Solved with replies <= 1 and no reopen, over solved with a known reply count. */
  firstContactResolution: Rate;
  /** good / rated among its solved tickets (ratings are given on solving). */
  csat: Rate;
  csatRated: number;
}

export interface TicketReport extends Report<TicketFigures & { slaFirstResponseMinutes: number }, TicketFigures> {
  /** `business`: first response, resolution and SLA breaches count KB_BUSINESS_HOURS minutes only; else `calendar`. */
  clock: 'business' | 'calendar';
  /** KB_BUSINESS_HOURS as read (with KB_HOLIDAYS), or null on the calendar clock. */
  businessHours: { hours: string; holidays: string[] } | null;
  /** Monday = 1 ... Sunday = 7, in KB_TZ. */
  weekdays: Array<{ weekday: number; name: string; tickets: number }>;
  /** Most tickets first. */
  channels: Array<{ channel: string } & TicketGroupFigures>;
  types: Array<{ type: string; tickets: number }>;
  tags: Array<{ tag: string; tickets: number }>;
  /** Every assignee with tickets created in the range; most solved first. */
  assignees: Array<{ assignee: string } & TicketGroupFigures>;
  forecast: TicketForecast;
}

export interface TicketReportFilters extends ReportFilters {
  slaFirstResponseMinutes: number;
  /** KB_BUSINESS_HOURS (with holidays): count business minutes instead of calendar minutes. */
  businessHours?: BusinessHours;
  /** "Now" for the forecast (epoch ms; default Date.now()): a day not yet over is not history. */
  now?: number;
  /** Only what `totals` needs (compare=previous): every list empty (series, weekdays, channels, types, tags, assignees), no forecast. */
  totalsOnly?: boolean;
}

// ---- 7.4 Overview ------------------------------------------------------------------------------

export interface OverviewFigures {
  /** Every `view` event (any help-center page). */
  views: number;
  /** Distinct visitors with any help-center event, per day, summed over days. */
  visitors: number;
  searches: number;
  /** `contact` events. */
  contacts: number;
  contactsAfterRead: number;
  /** Tickets created. */
  tickets: number;
  viewsPerTicket: number | null;
  /** Distinct ticket requesters. */
  requesters: number;
  /** visitors / requesters (Zendesk). */
  selfServiceScore: number | null;
  /** Help-center sessions. */
  sessions: number;
  /** 1 - sessions with a contact / sessions. */
  selfServiceRate: Rate;
  /** Session outcomes; they add up to sessions. */
  foundAnswer: number;
  failed: number;
  contacted: number;
  /** Estimated tickets avoided (SPEC 7.5): sessions with outcome foundAnswer. */
  ticketsAvoided: number;
  /** ticketsAvoided x KB_COST_PER_TICKET; null when no cost is configured. */
  costAvoided: number | null;
}

export interface OverviewReportFilters extends ReportFilters {
  /** KB_COST_PER_TICKET, for costAvoided. */
  costPerTicket?: number | undefined;
  /** Only what `totals` needs (compare=previous): no requesters per period, no topics. */
  totalsOnly?: boolean;
}

export interface SearchReportFilters extends ReportFilters {
  /** Only what `totals` needs (compare=previous): no query lists. */
  totalsOnly?: boolean;
}

export interface TopicRow {
  category: string;
  title: string;
  /** Views of the category's articles. */
  views: number;
  /** Tickets carrying one of ticketTags or ticketTypes. */
  tickets: number;
  viewsPerTicket: number | null;
  ticketTags: string[];
  ticketTypes: string[];
}

export interface OverviewReport extends Report<OverviewFigures> {
  /** KB_COST_PER_TICKET as configured (null when unset): what costAvoided multiplies by. */
  costPerTicket: number | null;
  topics: TopicRow[];
}

// ---- 4.1 Contact form deflection ---------------------------------------------------------------

/** Page views of one article over a range of local days (the home page's popular articles, SPEC 4). */
export interface ArticleViews {
  article: string;
  views: number;
}

/** Definitions are in docs/contact.md; sessions count in the period of their first qualifying event. */

export interface ContactFormFigures {
  /** Sessions with at least one `suggest_shown` event. */
  deflectorShown: number;
  /** Sessions with at least one `suggest_click` event. */
  deflectorClicked: number;
  /** `contact` events with `via: "form"` (each submitted form). */
  submitted: number;
  /** Sessions with a `suggest_click` and no `contact` via form at or after their first `suggest_click`. */
  implicitDeflections: number;
  /** deflectorClicked / deflectorShown. */
  clickRate: Rate;
  /** implicitDeflections / deflectorShown. */
  implicitDeflectionRate: Rate;
}

export type ContactFormReport = Report<ContactFormFigures>;

// ---- Names -------------------------------------------------------------------------------------

/** Every report by the name the API (`/api/reports/<name>`), the CLI (`kb report <name>`) and the dashboard use. */
export const REPORT_NAMES = ['overview', 'articles', 'search', 'gaps', 'tickets', 'contact'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

// ---- A query's drill-down (/admin/search/query) ---------------------------------------------------------

/** One search query in a range: its figures, the result counts it showed, the page locales it came from. */
export interface QueryDetail {
  /** The normalised query (SPEC 7.2). */
  query: string;
  figures: QueryRow;
  /** How many results the searches showed then (the tracker's `results`), most frequent first. */
  resultCounts: Array<{ results: number; searches: number; lastAt: number }>;
  /** Searches of it per page locale, most first: which language's index to run it against now. */
  locales: Array<{ locale: string; searches: number }>;
}
