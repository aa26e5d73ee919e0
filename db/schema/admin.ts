/** Dashboard login sessions (SPEC 8): one row per login, found by a keyed hash of the cookie, never the cookie itself. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const adminSessions = sqliteTable(
  'admin_sessions',
  {
    /** HMAC-SHA256 (KB_SECRET) of the random id the cookie carries; a stolen database yields no usable cookie. */
    idHash: text('id_hash').primaryKey(),
    /** HMAC-SHA256 (KB_SECRET) of the admin token the session was opened with: a new token ends every session. */
    tokenHash: text('token_hash').notNull(),
    /** Epoch ms of the login; the session ends 7 days later whatever happens. */
    createdAt: integer('created_at').notNull(),
    /** Epoch ms of the last request (refreshed at most once a minute); 12 hours without one ends it. */
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [index('admin_sessions_last_seen').on(t.lastSeenAt)],
);
