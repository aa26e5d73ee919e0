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

/** Failed logins and Bearer tokens, as db/schema/admin.ts: every node counts the same tries. */
export const authFailures = pgTable(
  'auth_failures',
  {
    addressHash: text('address_hash').notNull(),
    at: int8('at').notNull(),
  },
  (t) => [index('auth_failures_address_at').on(t.addressHash, t.at), index('auth_failures_at').on(t.at)],
);
