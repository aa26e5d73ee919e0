/** The delivery outbox: which (request, channel) pairs are due, claiming one, and recording each attempt's outcome. */
import { and, asc, eq, isNotNull, isNull, lte, min, sql } from 'drizzle-orm';
import type { Db } from '../sqlite/client.ts';
import { contactOutbox, contactRequests, type ContactChannel } from '../schema/index.ts';
import type { ContactRequestRow } from './requests.ts';

export type OutboxRow = typeof contactOutbox.$inferSelect;
export interface DueItem {
  item: OutboxRow;
  request: ContactRequestRow;
}

/** Undelivered items whose next attempt is at or before `at`, oldest first. */
export function dueItems(db: Db, at: number, limit = 20): DueItem[] {
  return db
    .select({ item: contactOutbox, request: contactRequests })
    .from(contactOutbox)
    .innerJoin(contactRequests, eq(contactRequests.id, contactOutbox.requestId))
    .where(and(isNull(contactOutbox.deliveredAt), isNotNull(contactOutbox.nextAttemptAt), lte(contactOutbox.nextAttemptAt, at)))
    .orderBy(asc(contactOutbox.nextAttemptAt), asc(contactOutbox.id))
    .limit(limit)
    .all();
}

/** The earliest pending attempt time, or undefined when nothing waits. */
export function nextDueAt(db: Db): number | undefined {
  const [row] = db
    .select({ at: min(contactOutbox.nextAttemptAt) })
    .from(contactOutbox)
    .where(and(isNull(contactOutbox.deliveredAt), isNotNull(contactOutbox.nextAttemptAt)))
    .all();
  return row?.at ?? undefined;
}

/**
 * Takes an item for one attempt: moves its next attempt to `leaseUntil` and counts the attempt, committed before
 * anything is sent, so a delivery in flight when the process dies is sent again after the lease as the next
 * attempt (X-KB-Delivery-Attempt). Returns that attempt's number, or undefined when another worker (another
 * process on the same file) took the item first.
 */
export function claimItem(db: Db, item: OutboxRow, leaseUntil: number, at: number): number | undefined {
  const [row] = db
    .update(contactOutbox)
    .set({ nextAttemptAt: leaseUntil, attempts: sql`${contactOutbox.attempts} + 1`, lastAttemptAt: at })
    .where(and(eq(contactOutbox.id, item.id), eq(contactOutbox.nextAttemptAt, item.nextAttemptAt!), isNull(contactOutbox.deliveredAt)))
    .returning({ attempts: contactOutbox.attempts })
    .all();
  return row?.attempts;
}

/** Records an accepted delivery (the attempt was counted when claimed); the request becomes `delivered` once all its channels are. */
export function markDelivered(db: Db, item: OutboxRow, at: number): void {
  db.transaction((tx) => {
    tx.update(contactOutbox)
      .set({ deliveredAt: at, lastAttemptAt: at, nextAttemptAt: null, lastError: null })
      .where(eq(contactOutbox.id, item.id))
      .run();
    const pending = tx
      .select({ id: contactOutbox.id })
      .from(contactOutbox)
      .where(and(eq(contactOutbox.requestId, item.requestId), isNull(contactOutbox.deliveredAt)))
      .all();
    if (pending.length === 0) {
      tx.update(contactRequests).set({ status: 'delivered' }).where(eq(contactRequests.id, item.requestId)).run();
    }
  });
}

/** Records a failed attempt (counted when claimed) and when to try again (null: given up until an admin retries). */
export function markFailed(db: Db, item: OutboxRow, at: number, error: string, nextAttemptAt: number | null): void {
  db.update(contactOutbox)
    .set({ lastAttemptAt: at, lastError: error.slice(0, 1000), nextAttemptAt })
    .where(eq(contactOutbox.id, item.id))
    .run();
}

/** Makes every undelivered channel of a request due now; returns how many items were rescheduled. */
export function retryRequest(db: Db, requestId: number, at: number): number {
  return db
    .update(contactOutbox)
    .set({ nextAttemptAt: at })
    .where(and(eq(contactOutbox.requestId, requestId), isNull(contactOutbox.deliveredAt)))
    .run().changes;
}

/** The outbox rows of a set of requests, for the admin list. */
export function outboxFor(db: Db, requestIds: readonly number[]): Map<number, Partial<Record<ContactChannel, OutboxRow>>> {
  const out = new Map<number, Partial<Record<ContactChannel, OutboxRow>>>();
  if (requestIds.length === 0) return out;
  const rows = db
    .select()
    .from(contactOutbox)
    .where(sql`${contactOutbox.requestId} in ${requestIds}`)
    .all();
  for (const r of rows) out.set(r.requestId, { ...out.get(r.requestId), [r.channel]: r });
  return out;
}

/**
 * Hands a claimed item back, due at `at` (the attempt was cut short by shutdown). It stays counted: the receiver may
 * have seen it, and the next attempt must not carry the same number.
 */
export function releaseItem(db: Db, item: OutboxRow, at: number): void {
  db.update(contactOutbox).set({ nextAttemptAt: at }).where(eq(contactOutbox.id, item.id)).run();
}
