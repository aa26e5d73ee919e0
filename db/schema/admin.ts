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

/**
 * Failed logins and failed Bearer tokens (SPEC 8), one row each, kept a few minutes: the throttle counts an address's
 * rows of the last minute, so every process on the database (every node, on PostgreSQL) counts the same tries.
 */
export const authFailures = sqliteTable(
  'auth_failures',
  {
    /** HMAC-SHA256 (KB_SECRET) of the client address (an IPv6 client's /64): the address itself is not stored. */
    addressHash: text('address_hash').notNull(),
    /** Epoch ms of the failed attempt. */
    at: integer('at').notNull(),
  },
  (t) => [index('auth_failures_address_at').on(t.addressHash, t.at), index('auth_failures_at').on(t.at)],
);
