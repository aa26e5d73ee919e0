/** Contact form tables: stored support requests, their delivery outbox, and counts of rejected (spam) posts. */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

import { CONTACT_CHANNELS, REJECTION_REASONS } from '../shared/contact.ts';

export { CONTACT_CHANNELS, REJECTION_REASONS, type ContactChannel, type RejectionReason } from '../shared/contact.ts';

/** One row per request a customer sent through the contact form; written before the customer sees the confirmation. */
export const contactRequests = sqliteTable(
  'contact_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Random UUID sent to the helpdesk as the idempotency key, so a receiver can drop a repeated delivery. */
    key: text('key').notNull(),
    /** Epoch milliseconds. */
    createdAt: integer('created_at').notNull(),
    email: text('email').notNull(),
    subject: text('subject').notNull(),
    message: text('message').notNull(),
    /** Optional order number or account the customer gave. */
    account: text('account'),
    locale: text('locale').notNull(),
    /** Article slug the customer came from (`?from=`). */
    fromArticle: text('from_article'),
    /** JSON array of article slugs viewed in the customer's session, first view first. */
    viewedArticles: text('viewed_articles', { mode: 'json' }).$type<string[]>().notNull(),
    /** Visitor hash (SPEC 5.3); used for the per-visitor rate limit. Never the raw IP or user agent. */
    visitor: text('visitor'),
    /** The sender's client address hashed with the day's salt (never the address): the per-address rate limit. */
    address: text('address'),
    sessionId: integer('session_id'),
    /** `queued` until every configured channel accepted it, then `delivered`; `undeliverable` when none is configured. */
    status: text('status', { enum: ['queued', 'delivered', 'undeliverable'] }).notNull(),
  },
  (t) => [
    uniqueIndex('contact_requests_key').on(t.key),
    index('contact_requests_visitor').on(t.visitor, t.createdAt),
    index('contact_requests_address').on(t.address, t.createdAt),
    index('contact_requests_created').on(t.createdAt),
  ],
);

/** One row per (request, channel): what still has to be delivered, when to try next and what went wrong last. */
export const contactOutbox = sqliteTable(
  'contact_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => contactRequests.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: CONTACT_CHANNELS }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Epoch ms of the next try; null once delivered or given up (an admin retry sets it again). */
    nextAttemptAt: integer('next_attempt_at'),
    lastAttemptAt: integer('last_attempt_at'),
    lastError: text('last_error'),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [
    uniqueIndex('contact_outbox_request_channel').on(t.requestId, t.channel),
    index('contact_outbox_due').on(t.nextAttemptAt),
  ],
);

/** Rejected contact posts per day (in KB_TZ) and reason; nothing of the post itself is kept. */
export const contactRejections = sqliteTable(
  'contact_rejections',
  {
    day: text('day').notNull(),
    reason: text('reason', { enum: REJECTION_REASONS }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.reason] })],
);

/** Contact form tokens already used for a stored request: each token is good for one submission (SPEC 8). */
export const usedFormTokens = sqliteTable(
  'used_form_tokens',
  {
    /** SHA-256 of the token. */
    tokenHash: text('token_hash').primaryKey(),
    /** Epoch ms after which the token would be refused as expired anyway, so the row can go. */
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('used_form_tokens_expires').on(t.expiresAt)],
);
