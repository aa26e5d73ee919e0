/** Contact form tables on PostgreSQL, as db/schema/contact.ts; the outbox is claimed across nodes with SKIP LOCKED. */
import { index, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { CONTACT_CHANNELS, REJECTION_REASONS } from '../../shared/contact.ts';
import { int8, serialId } from './columns.ts';

export const contactRequests = pgTable(
  'contact_requests',
  {
    id: serialId('id').primaryKey(),
    key: text('key').notNull(),
    createdAt: int8('created_at').notNull(),
    email: text('email').notNull(),
    subject: text('subject').notNull(),
    message: text('message').notNull(),
    account: text('account'),
    locale: text('locale').notNull(),
    fromArticle: text('from_article'),
    viewedArticles: jsonb('viewed_articles').$type<string[]>().notNull(),
    visitor: text('visitor'),
    /** The sender's client address hashed with the day's salt: the per-address rate limit. */
    address: text('address'),
    sessionId: int8('session_id'),
    status: text('status', { enum: ['queued', 'delivered', 'undeliverable'] }).notNull(),
  },
  (t) => [
    uniqueIndex('contact_requests_key').on(t.key),
    index('contact_requests_visitor').on(t.visitor, t.createdAt),
    index('contact_requests_address').on(t.address, t.createdAt),
    index('contact_requests_created').on(t.createdAt),
  ],
);

export const contactOutbox = pgTable(
  'contact_outbox',
  {
    id: serialId('id').primaryKey(),
    requestId: int8('request_id')
      .notNull()
      .references(() => contactRequests.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: CONTACT_CHANNELS }).notNull(),
    attempts: int8('attempts').notNull().default(0),
    nextAttemptAt: int8('next_attempt_at'),
    lastAttemptAt: int8('last_attempt_at'),
    lastError: text('last_error'),
    deliveredAt: int8('delivered_at'),
  },
  (t) => [uniqueIndex('contact_outbox_request_channel').on(t.requestId, t.channel), index('contact_outbox_due').on(t.nextAttemptAt)],
);

export const contactRejections = pgTable(
  'contact_rejections',
  {
    day: text('day').notNull(),
    reason: text('reason', { enum: REJECTION_REASONS }).notNull(),
    count: int8('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.reason] })],
);

/** Contact form tokens already spent on a stored request (each is good for one), as db/schema/contact.ts. */
export const usedFormTokens = pgTable(
  'used_form_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    expiresAt: int8('expires_at').notNull(),
  },
  (t) => [index('used_form_tokens_expires').on(t.expiresAt)],
);
