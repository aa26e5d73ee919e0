/** The scheduled digest (SPEC 7.5): one row per period sent or being sent, so it goes out once across restarts and nodes. */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const digestSends = sqliteTable('digest_sends', {
  /** The period the digest covers, e.g. `week:2026-11-23` (its Monday in KB_TZ). */
  period: text('period').primaryKey(),
  /** The process that holds the claim (random per process); another may take it over once the claim is stale. */
  claimedBy: text('claimed_by').notNull(),
  /** Epoch ms of the claim (renewed on each attempt). */
  claimedAt: integer('claimed_at').notNull(),
  /** Epoch ms the SMTP server accepted it; null until then. */
  sentAt: integer('sent_at'),
  /** Comma-separated addresses it was sent to. */
  recipients: text('recipients').notNull(),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
});
