/** Tracking tables on PostgreSQL: the same rows as db/schema/events.ts, plus what several nodes share. */
import { boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { int8, int8Array, serialId } from './columns.ts';

/** One salt per UTC day, agreed by all nodes: the first INSERT wins (ON CONFLICT DO NOTHING), everyone reads it back. */
export const salts = pgTable('salts', {
  day: text('day').primaryKey(),
  salt: text('salt').notNull(),
});

/**
 * A visitor's run of events with no gap over 30 minutes. On PostgreSQL the session row also carries what ingest
 * needs to settle the next event (last article viewed, latest search), so any node resolves it with one read.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: serialId('id').primaryKey(),
    visitor: text('visitor').notNull(),
    startedAt: int8('started_at').notNull(),
    lastAt: int8('last_at').notNull(),
    lastViewArticle: text('last_view_article'),
    lastViewTs: int8('last_view_ts'),
    lastSearchId: int8('last_search_id'),
    lastSearchTs: int8('last_search_ts'),
    lastSearchClicked: boolean('last_search_clicked').notNull().default(false),
  },
  // On visitor alone, as on SQLite: a batch rewrites last_at, and an index without it lets PostgreSQL update the
  // row in place (a HOT update). A visitor hash lives one day, so it has few sessions to sort.
  (t) => [index('sessions_visitor').on(t.visitor)],
);

export const EVENT_TYPES = ['view', 'read', 'vote', 'search', 'search_click', 'contact', 'suggest_shown', 'suggest_click'] as const;

/** Every accepted tracking event (api/schemas/event.ts). Times are epoch milliseconds. */
export const events = pgTable(
  'events',
  {
    id: serialId('id').primaryKey(),
    ts: int8('ts').notNull(),
    type: text('type', { enum: EVENT_TYPES }).notNull(),
    visitor: text('visitor').notNull(),
    sessionId: int8('session_id').notNull(),
    pv: text('pv'),
    path: text('path'),
    article: text('article'),
    locale: text('locale'),
    seconds: int8('seconds'),
    scroll: int8('scroll'),
    helpful: boolean('helpful'),
    query: text('query'),
    queryNorm: text('query_norm'),
    results: int8('results'),
    position: int8('position'),
    comment: text('comment'),
    referrerHost: text('referrer_host'),
    via: text('via'),
    attributedArticle: text('attributed_article'),
    clicked: boolean('clicked').notNull().default(false),
  },
  (t) => [index('events_type_ts').on(t.type, t.ts), index('events_session').on(t.sessionId, t.ts)],
);

/**
 * Events stored but not yet in the rollups, one row per committed batch: written in the transaction that stores the
 * batch, deleted in the transaction that applies it (db/pg/rollups/applier.ts). Unlike a "largest applied id"
 * watermark, a batch that commits late (PostgreSQL does not commit ids in order) is still here to be taken.
 * `events` is the batch's rows exactly as the writer sent them (the JSON text its insert decoded), so the applier
 * need not read them back; a row without it (queued before migration 0007) is read from `events` by `ids`.
 */
export const rollupBatches = pgTable('rollup_batches', {
  /** The batch's smallest event id: batches are applied in this order. */
  firstId: int8('first_id').primaryKey(),
  /** How many events (the length of `ids`), so a chunk can add up batches without reading their arrays. */
  size: integer('size').notNull(),
  ids: int8Array('ids').notNull(),
  events: text('events'),
});
