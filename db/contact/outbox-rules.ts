/**
 * The outbox's rules, for both stores (db/contact/outbox.ts on SQLite, db/pg/contact/outbox.ts on PostgreSQL): what
 * is due, in which order, what claiming an item for one attempt writes and what an attempt's outcome writes. The
 * stores differ only in how they run these (synchronously, or over the network with a lock where nodes race).
 */
import { and, asc, eq, isNotNull, isNull, lte, sql, type Column } from 'drizzle-orm';

/** The outbox table's columns the rules name (either store's table). */
export interface OutboxColumns {
  id: Column;
  requestId: Column;
  deliveredAt: Column;
  nextAttemptAt: Column;
  attempts: Column;
}

/** Undelivered and not given up: it has a next attempt. */
export const pending = (t: OutboxColumns) => and(isNull(t.deliveredAt), isNotNull(t.nextAttemptAt));

/** An item's request (`requests`: either store's contact_requests columns). */
export const requestOf = (t: OutboxColumns, requests: { id: Column }) => eq(requests.id, t.requestId);

/** Pending with its next attempt at or before `at`. */
export const dueAt = (t: OutboxColumns, at: number) => and(pending(t), lte(t.nextAttemptAt, at));

/** Oldest due first. */
export const dueOrder = (t: OutboxColumns) => [asc(t.nextAttemptAt), asc(t.id)];

/**
 * The item as it was read, still undelivered: compare-and-set on its next attempt, so of two workers that saw the
 * same due item, one takes it.
 */
export const unchangedSinceRead = (t: OutboxColumns, item: { id: number; nextAttemptAt: number | null }) =>
  and(eq(t.id, item.id), eq(t.nextAttemptAt, item.nextAttemptAt!), isNull(t.deliveredAt));

/** Claiming: due again at the lease's end, and the attempt counted before anything is sent. */
export const claimed = (t: OutboxColumns, leaseUntil: number, at: number) => ({
  nextAttemptAt: leaseUntil,
  attempts: sql`${t.attempts} + 1`,
  lastAttemptAt: at,
});

export const delivered = (at: number) => ({ deliveredAt: at, lastAttemptAt: at, nextAttemptAt: null, lastError: null });

/** A failed attempt and when to try again (null: given up until an admin retries). Errors are kept to 1,000 characters. */
export const failed = (at: number, error: string, nextAttemptAt: number | null) => ({ lastAttemptAt: at, lastError: error.slice(0, 1000), nextAttemptAt });

/** A request's channels that are not delivered yet. */
export const undeliveredOf = (t: OutboxColumns, requestId: number) => and(eq(t.requestId, requestId), isNull(t.deliveredAt));
