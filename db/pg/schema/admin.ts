/** Dashboard sessions on PostgreSQL, as db/schema/admin.ts: every node finds the same session. */
import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { int8 } from './columns.ts';

export const adminSessions = pgTable(
  'admin_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    createdAt: int8('created_at').notNull(),
    lastSeenAt: int8('last_seen_at').notNull(),
  },
  (t) => [index('admin_sessions_last_seen').on(t.lastSeenAt)],
);
