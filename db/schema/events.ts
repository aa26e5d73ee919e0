/** Tracking tables: raw events, server-side sessions and the daily salts behind visitor hashes. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One row per daily salt; rows older than today are deleted so yesterday's visitors cannot be re-identified. */
export const salts = sqliteTable('salts', {
  /** UTC day the salt is used for, YYYY-MM-DD. */
  day: text('day').primaryKey(),
  /** 32 random bytes, hex. */
  salt: text('salt').notNull(),
});

/** A visitor's run of events with no gap over 30 minutes, settled at ingest. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Hash of (daily salt, IP, user agent); never the raw values. */
    visitor: text('visitor').notNull(),
    startedAt: integer('started_at').notNull(),
    lastAt: integer('last_at').notNull(),
  },
  // On visitor alone: last_at changes with every batch, and keeping it in the index cost ~10 µs an event
  // (bench/results/ingest.md). A visitor hash lives one day, so it has few sessions to sort.
  (t) => [index('sessions_visitor').on(t.visitor)],
);

/** Every accepted tracking event, as validated by db/shared/event.ts. Times are epoch milliseconds. */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ts: integer('ts').notNull(),
    type: text('type', {
      enum: ['view', 'read', 'vote', 'search', 'search_click', 'contact', 'suggest_shown', 'suggest_click'],
    }).notNull(),
    visitor: text('visitor').notNull(),
    sessionId: integer('session_id').notNull(),
    /** Random per-page-view id sent by the tracker. */
    pv: text('pv'),
    path: text('path'),
    /** Article slug the event is about. */
    article: text('article'),
    locale: text('locale'),
    seconds: integer('seconds'),
    scroll: integer('scroll'),
    helpful: integer('helpful', { mode: 'boolean' }),
    query: text('query'),
    /** Query trimmed, lower-cased, spaces collapsed (SPEC 7.2). */
    queryNorm: text('query_norm'),
    results: integer('results'),
    position: integer('position'),
    comment: text('comment'),
    /** Referrer host only, never the full URL. */
    referrerHost: text('referrer_host'),
    /** `cta` or `form` on contact events. */
    via: text('via'),
    /** On contact events: the last article viewed in the session within KB_ATTRIBUTION_MINUTES. */
    attributedArticle: text('attributed_article'),
    /**
     * On search events: a search_click followed in the same session before the next search. On search_click
     * events: this click was the first on that search (it set the search's flag), so rollups can count it.
     */
    clicked: integer('clicked', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('events_type_ts').on(t.type, t.ts),
    index('events_session').on(t.sessionId, t.ts),
  ],
);
