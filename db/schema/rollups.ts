/**
 * Report rollups kept up to date at ingest (db/reports/rollups/events.ts). Days are local days (YYYY-MM-DD) in the
 * zone recorded in rollup_state; every counter row exists once per event locale and once under locale '*'
 * (all locales), so a report with or without a locale filter reads one row per key and stays exact.
 */
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Key/value facts about the rollups, e.g. `timeZone` they were built in. */
export const rollupState = sqliteTable('rollup_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * One row per page view (pv) about an article: its largest engaged seconds, deepest scroll and last vote.
 * Looked up by pv only: read times are summed from article_read_days, so no index by day.
 */
export const pageViews = sqliteTable('page_views', {
  pv: text('pv').primaryKey(),
  article: text('article').notNull(),
  locale: text('locale').notNull(),
  /** Local day of the pv's first stored event. */
  day: text('day').notNull(),
  sessionId: integer('session_id').notNull(),
  maxSeconds: integer('max_seconds').notNull().default(0),
  maxScroll: integer('max_scroll').notNull().default(0),
  /** Last vote (1 yes, 0 no), null before any vote. */
  vote: integer('vote'),
  voteTs: integer('vote_ts'),
  voteId: integer('vote_id'),
});

const articleDayCounters = {
  views: integer('views').notNull().default(0),
  visitors: integer('visitors').notNull().default(0),
  readThrough: integer('read_through').notNull().default(0),
  engagedViews: integer('engaged_views').notNull().default(0),
  engagedSeconds: integer('engaged_seconds').notNull().default(0),
  helpfulYes: integer('helpful_yes').notNull().default(0),
  helpfulNo: integer('helpful_no').notNull().default(0),
  sessions: integer('sessions').notNull().default(0),
  contactsAfterRead: integer('contacts_after_read').notNull().default(0),
};

/** Per article, locale ('*' = all) and local day: the additive figures of SPEC 7.1. */
export const articleDays = sqliteTable(
  'article_days',
  { article: text('article').notNull(), locale: text('locale').notNull(), day: text('day').notNull(), ...articleDayCounters },
  // The second index serves one article's windows (edits' before/after, the article page).
  (t) => [primaryKey({ columns: [t.locale, t.day, t.article] }), index('article_days_article').on(t.locale, t.article, t.day)],
);

/**
 * Engaged page views per article, locale ('*' = all) and local day (the pv's day) as a histogram of their
 * largest seconds (seconds -> page views), packed in one blob (db/reports/rollups/read-histogram.ts): an exact median
 * then reads one row per article-day instead of one per distinct second value or per page view.
 */
export const articleReadDays = sqliteTable(
  'article_read_days',
  {
    locale: text('locale').notNull(),
    day: text('day').notNull(),
    article: text('article').notNull(),
    histogram: blob('histogram', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.locale, t.day, t.article] })],
);

/** Distinct visitors per article and local day (feeds article_days.visitors). */
export const articleDayVisitors = sqliteTable(
  'article_day_visitors',
  { article: text('article').notNull(), locale: text('locale').notNull(), day: text('day').notNull(), visitor: text('visitor').notNull() },
  (t) => [primaryKey({ columns: [t.article, t.locale, t.day, t.visitor] })],
);

/** Sessions with a view of an article; `contacted` once a contact is attributed to the article in that session. */
export const articleSessions = sqliteTable(
  'article_sessions',
  {
    article: text('article').notNull(),
    locale: text('locale').notNull(),
    sessionId: integer('session_id').notNull(),
    /** Local day of the session's first view of the article. */
    day: text('day').notNull(),
    contacted: integer('contacted').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.article, t.locale] })],
);

/** "What was missing" texts sent with a vote. */
export const articleComments = sqliteTable(
  'article_comments',
  {
    eventId: integer('event_id').primaryKey(),
    article: text('article').notNull(),
    locale: text('locale').notNull(),
    day: text('day').notNull(),
    ts: integer('ts').notNull(),
    comment: text('comment').notNull(),
  },
  (t) => [index('article_comments_day').on(t.day, t.article)],
);

/** Per locale ('*' = all) and local day: help-center wide figures of SPEC 7.4. */
export const siteDays = sqliteTable(
  'site_days',
  {
    locale: text('locale').notNull(),
    day: text('day').notNull(),
    views: integer('views').notNull().default(0),
    visitors: integer('visitors').notNull().default(0),
    searches: integer('searches').notNull().default(0),
    contacts: integer('contacts').notNull().default(0),
    sessions: integer('sessions').notNull().default(0),
    foundAnswer: integer('found_answer').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    contacted: integer('contacted').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.locale, t.day] })],
);

/** Distinct visitors with any event per local day (feeds site_days.visitors). */
export const siteDayVisitors = sqliteTable(
  'site_day_visitors',
  { locale: text('locale').notNull(), day: text('day').notNull(), visitor: text('visitor').notNull() },
  (t) => [primaryKey({ columns: [t.locale, t.day, t.visitor] })],
);

/** A session's outcome flags per locale; the session counts on the local day of its first event. */
export const sessionFacts = sqliteTable(
  'session_facts',
  {
    sessionId: integer('session_id').notNull(),
    locale: text('locale').notNull(),
    day: text('day').notNull(),
    viewedArticle: integer('viewed_article').notNull().default(0),
    contacted: integer('contacted').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.locale] })],
);

/** Per normalised query, locale ('*' = all) and local day: SPEC 7.2. */
export const queryDays = sqliteTable(
  'query_days',
  {
    query: text('query').notNull(),
    locale: text('locale').notNull(),
    day: text('day').notNull(),
    searches: integer('searches').notNull().default(0),
    zeroResults: integer('zero_results').notNull().default(0),
    clicked: integer('clicked').notNull().default(0),
    bounced: integer('bounced').notNull().default(0),
    sessions: integer('sessions').notNull().default(0),
    contactSessions: integer('contact_sessions').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.locale, t.day, t.query] })],
);

/** Sessions that searched a query; `contacted` once a contact follows the first such search. */
export const querySessions = sqliteTable(
  'query_sessions',
  {
    query: text('query').notNull(),
    locale: text('locale').notNull(),
    sessionId: integer('session_id').notNull(),
    day: text('day').notNull(),
    firstTs: integer('first_ts').notNull(),
    contacted: integer('contacted').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.query, t.locale] })],
);

/** Search events that got a click (so a second click on the same search is not counted twice). */
export const searchClicks = sqliteTable('search_clicks', { searchId: integer('search_id').primaryKey() });

/** UTC offset pieces of the rollups' zone: from `fromMs` on, local time = UTC + offsetMs (ticket triggers read it). */
export const tzOffsets = sqliteTable('tz_offsets', {
  fromMs: integer('from_ms').primaryKey(),
  offsetMs: integer('offset_ms').notNull(),
});

/** Per local day number (days since 1970-01-01 in the zone): the additive ticket sums, kept by triggers on tickets. */
export const ticketDays = sqliteTable('ticket_days', {
  day: integer('day').primaryKey(),
  tickets: integer('tickets').notNull().default(0),
  solved: integer('solved').notNull().default(0),
  repliesKnown: integer('replies_known').notNull().default(0),
  repliesSum: integer('replies_sum').notNull().default(0),
  fcr: integer('fcr').notNull().default(0),
  reopened: integer('reopened').notNull().default(0),
  csatGood: integer('csat_good').notNull().default(0),
  csatRated: integer('csat_rated').notNull().default(0),
  handleSum: integer('handle_sum').notNull().default(0),
  handleN: integer('handle_n').notNull().default(0),
  queued: integer('queued').notNull().default(0),
  waitSum: integer('wait_sum').notNull().default(0),
  abandoned: integer('abandoned').notNull().default(0),
  frSumMs: integer('fr_sum_ms').notNull().default(0),
  frN: integer('fr_n').notNull().default(0),
  resSumMs: integer('res_sum_ms').notNull().default(0),
  resN: integer('res_n').notNull().default(0),
});

/**
 * Tickets per local day and dimension value: `channel`, `assignee`, and `combo` = type, \u0001, the ticket's
 * sorted tags joined by commas (types, tags and topics are all counted exactly from the combos).
 */
export const ticketDayDims = sqliteTable(
  'ticket_day_dims',
  {
    day: integer('day').notNull(),
    dim: text('dim').notNull(),
    value: text('value').notNull(),
    tickets: integer('tickets').notNull().default(0),
    solved: integer('solved').notNull().default(0),
    /** Of the solved ones: good CSAT, and rated at all. */
    solvedGood: integer('solved_good').notNull().default(0),
    solvedRated: integer('solved_rated').notNull().default(0),
    /** Of the solved ones: reply count known, and of those resolved at first contact (as ticket_days). */
    repliesKnown: integer('replies_known').notNull().default(0),
    fcr: integer('fcr').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.dim, t.day, t.value] })],
);

/** Tickets per local day and requester, for distinct requesters over any range (db/reports/rollups/ticket-requesters.ts). */
export const ticketDayRequesters = sqliteTable(
  'ticket_day_requesters',
  {
    day: integer('day').notNull(),
    requester: text('requester').notNull(),
    tickets: integer('tickets').notNull().default(0),
    /** The requester's previous local day with tickets, null when none (kept for rows with tickets). */
    prevDay: integer('prev_day'),
  },
  // The second index finds a requester's neighbouring days when a row gains or loses its tickets.
  (t) => [primaryKey({ columns: [t.day, t.requester] }), index('ticket_day_requesters_requester').on(t.requester, t.day)],
);
