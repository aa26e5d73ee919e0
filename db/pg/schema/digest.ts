/** The scheduled digest's sent periods on PostgreSQL, as db/schema/digest.ts. */
import { pgTable, text } from 'drizzle-orm/pg-core';
import { int8 } from './columns.ts';

export const digestSends = pgTable('digest_sends', {
  period: text('period').primaryKey(),
  claimedBy: text('claimed_by').notNull(),
  claimedAt: int8('claimed_at').notNull(),
  sentAt: int8('sent_at'),
  recipients: text('recipients').notNull(),
  attempts: int8('attempts').notNull().default(0),
  lastError: text('last_error'),
});
