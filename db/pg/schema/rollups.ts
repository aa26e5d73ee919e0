/**
 * Report rollups on PostgreSQL: the same tables and keys as db/schema/rollups.ts, kept by one applier at a time
 * (db/pg/rollups/applier.ts) from the rollup queue, and by db/pg/rollups/tickets.ts for tickets.
 */
import { customType, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { int8 } from './columns.ts';

/** Binary (the packed read-time histograms of db/rollups/read-histogram.ts) as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** Key/value facts about the rollups, e.g. `timeZone` they were built in. */
export const rollupState = pgTable('rollup_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * One row per page view (pv) about an article: its largest engaged seconds, deepest scroll and last vote.
 * Looked up by pv only: read times are summed from article_read_days, so no index by day.
 */
export const pageViews = pgTable('page_views', {
  pv: text('pv').primaryKey(),
  article: text('article').notNull(),
  locale: text('locale').notNull(),
  /** Local day of the pv's first stored event. */
  day: text('day').notNull(),
  sessionId: int8('session_id').notNull(),
  maxSeconds: int8('max_seconds').notNull().default(0),
  maxScroll: int8('max_scroll').notNull().default(0),
  /** Last vote (1 yes, 0 no), null before any vote. */
  vote: int8('vote'),
  voteTs: int8('vote_ts'),
  voteId: int8('vote_id'),
});

const articleDayCounters = {
  views: int8('views').notNull().default(0),
  visitors: int8('visitors').notNull().default(0),
  readThrough: int8('read_through').notNull().default(0),
  engagedViews: int8('engaged_views').notNull().default(0),
  engagedSeconds: int8('engaged_seconds').notNull().default(0),
  helpfulYes: int8('helpful_yes').notNull().default(0),
  helpfulNo: int8('helpful_no').notNull().default(0),
  sessions: int8('sessions').notNull().default(0),
  contactsAfterRead: int8('contacts_after_read').notNull().default(0),
};

/** Per article, locale ('*' = all) and local day: the additive figures of SPEC 7.1. */
export const articleDays = pgTable(
  'article_days',
  { article: text('article').notNull(), locale: text('locale').notNull(), day: text('day').notNull(), ...articleDayCounters },
  // The second index serves one article's windows (edits' before/after, the article page).
  (t) => [primaryKey({ columns: [t.locale, t.day, t.article] }), index('article_days_article').on(t.locale, t.article, t.day)],
);

/**
 * Engaged page views per article, locale ('*' = all) and local day (the pv's day) as a histogram of their
 * largest seconds (seconds -> page views), packed in one blob (db/rollups/read-histogram.ts): an exact median
 * then reads one row per article-day instead of one per distinct second value or per page view.
 */
export const articleReadDays = pgTable(
  'article_read_days',
  {
    locale: text('locale').notNull(),
    day: text('day').notNull(),
    article: text('article').notNull(),
    histogram: bytea('histogram').notNull(),
  },
  (t) => [primaryKey({ columns: [t.locale, t.day, t.article] })],
);

/** Distinct visitors per article and local day (feeds article_days.visitors). */
export const articleDayVisitors = pgTable(
  'article_day_visitors',
  { article: text('article').notNull(), locale: text('locale').notNull(), day: text('day').notNull(), visitor: text('visitor').notNull() },
  (t) => [primaryKey({ columns: [t.article, t.locale, t.day, t.visitor] })],
);

/** Sessions with a view of an article; `contacted` once a contact is attributed to the article in that session. */
export const articleSessions = pgTable(
  'article_sessions',
  {
    article: text('article').notNull(),
    locale: text('locale').notNull(),
    sessionId: int8('session_id').notNull(),
    /** Local day of the session's first view of the article. */
    day: text('day').notNull(),
    contacted: int8('contacted').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.article, t.locale] })],
);

/** "What was missing" texts sent with a vote. */
export const articleComments = pgTable(
  'article_comments',
  {
    eventId: int8('event_id').primaryKey(),
    article: text('article').notNull(),
    locale: text('locale').notNull(),
    day: text('day').notNull(),
    ts: int8('ts').notNull(),
    comment: text('comment').notNull(),
  },
  (t) => [index('article_comments_day').on(t.day, t.article)],
);

/** Per locale ('*' = all) and local day: help-center wide figures of SPEC 7.4. */
export const siteDays = pgTable(
  'site_days',
  {
    locale: text('locale').notNull(),
    day: text('day').notNull(),
    views: int8('views').notNull().default(0),
    visitors: int8('visitors').notNull().default(0),
    searches: int8('searches').notNull().default(0),
    contacts: int8('contacts').notNull().default(0),
    sessions: int8('sessions').notNull().default(0),
    foundAnswer: int8('found_answer').notNull().default(0),
    failed: int8('failed').notNull().default(0),
    contacted: int8('contacted').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.locale, t.day] })],
);

/** Distinct visitors with any event per local day (feeds site_days.visitors). */
export const siteDayVisitors = pgTable(
  'site_day_visitors',
  { locale: text('locale').notNull(), day: text('day').notNull(), visitor: text('visitor').notNull() },
  (t) => [primaryKey({ columns: [t.locale, t.day, t.visitor] })],
);

/** A session's outcome flags per locale; the session counts on the local day of its first event. */
export const sessionFacts = pgTable(
  'session_facts',
  {
    sessionId: int8('session_id').notNull(),
    locale: text('locale').notNull(),
    day: text('day').notNull(),
    viewedArticle: int8('viewed_article').notNull().default(0),
    contacted: int8('contacted').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.locale] })],
);

/** Per normalised query, locale ('*' = all) and local day: SPEC 7.2. */
export const queryDays = pgTable(
  'query_days',
  {
    query: text('query').notNull(),
    locale: text('locale').notNull(),
    day: text('day').notNull(),
    searches: int8('searches').notNull().default(0),
    zeroResults: int8('zero_results').notNull().default(0),
    clicked: int8('clicked').notNull().default(0),
    bounced: int8('bounced').notNull().default(0),
    sessions: int8('sessions').notNull().default(0),
    contactSessions: int8('contact_sessions').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.locale, t.day, t.query] })],
);

/** Sessions that searched a query; `contacted` once a contact follows the first such search. */
export const querySessions = pgTable(
  'query_sessions',
  {
    query: text('query').notNull(),
    locale: text('locale').notNull(),
    sessionId: int8('session_id').notNull(),
    day: text('day').notNull(),
    firstTs: int8('first_ts').notNull(),
    contacted: int8('contacted').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.query, t.locale] })],
);

/** Search events that got a click (so a second click on the same search is not counted twice). */
export const searchClicks = pgTable('search_clicks', { searchId: int8('search_id').primaryKey() });

/** UTC offset pieces of the rollups' zone: from `fromMs` on, local time = UTC + offsetMs (ticket triggers read it). */
export const tzOffsets = pgTable('tz_offsets', {
  fromMs: int8('from_ms').primaryKey(),
  offsetMs: int8('offset_ms').notNull(),
});

/** Per local day number (days since 1970-01-01 in the zone): the additive ticket sums, kept by triggers on tickets. */
export const ticketDays = pgTable('ticket_days', {
  day: int8('day').primaryKey(),
  tickets: int8('tickets').notNull().default(0),
  solved: int8('solved').notNull().default(0),
  repliesKnown: int8('replies_known').notNull().default(0),
  repliesSum: int8('replies_sum').notNull().default(0),
  fcr: int8('fcr').notNull().default(0),
  reopened: int8('reopened').notNull().default(0),
  csatGood: int8('csat_good').notNull().default(0),
  csatRated: int8('csat_rated').notNull().default(0),
  handleSum: int8('handle_sum').notNull().default(0),
  handleN: int8('handle_n').notNull().default(0),
  queued: int8('queued').notNull().default(0),
  waitSum: int8('wait_sum').notNull().default(0),
  abandoned: int8('abandoned').notNull().default(0),
  frSumMs: int8('fr_sum_ms').notNull().default(0),
  frN: int8('fr_n').notNull().default(0),
  resSumMs: int8('res_sum_ms').notNull().default(0),
  resN: int8('res_n').notNull().default(0),
});

/**
 * Tickets per local day and dimension value: `channel`, `assignee`, and `combo` = type, \u0001, the ticket's
 * sorted tags joined by commas (types, tags and topics are all counted exactly from the combos).
 */
export const ticketDayDims = pgTable(
  'ticket_day_dims',
  {
    day: int8('day').notNull(),
    dim: text('dim').notNull(),
    value: text('value').notNull(),
    tickets: int8('tickets').notNull().default(0),
    solved: int8('solved').notNull().default(0),
    /** Of the solved ones: good CSAT, and rated at all. */
    solvedGood: int8('solved_good').notNull().default(0),
    solvedRated: int8('solved_rated').notNull().default(0),
    /** Of the solved ones: reply count known, and of those resolved at first contact (per-group FCR). */
    repliesKnown: int8('replies_known').notNull().default(0),
    fcr: int8('fcr').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.dim, t.day, t.value] })],
);

/** Tickets per local day and requester, for distinct requesters over any range (db/rollups/ticket-requesters.ts). */
export const ticketDayRequesters = pgTable(
  'ticket_day_requesters',
  {
    day: int8('day').notNull(),
    requester: text('requester').notNull(),
    tickets: int8('tickets').notNull().default(0),
    /** The requester's previous local day with tickets, null when none (kept for rows with tickets). */
    prevDay: int8('prev_day'),
  },
  // The second index finds a requester's neighbouring days when a row gains or loses its tickets.
  (t) => [primaryKey({ columns: [t.day, t.requester] }), index('ticket_day_requesters_requester').on(t.requester, t.day)],
);
