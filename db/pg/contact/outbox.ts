/**
 * The contact outbox on PostgreSQL, shared by every node. A node takes an item for one attempt by moving its next
 * attempt to the end of a lease, compare-and-set on the value it read: of two nodes that saw the same due item,
 * one wins and the other moves on, and no lock is held across the HTTP call. A node that dies mid-attempt leaves
 * the item due again after the lease; the retry carries the same idempotency key.
 */
import { and, asc, eq, inArray, isNotNull, isNull, lte, min, sql } from 'drizzle-orm';
import type { PgDb } from '../client.ts';
import { contactOutbox, contactRequests } from '../schema/index.ts';

export type PgOutboxRow = typeof contactOutbox.$inferSelect;
export type PgContactRequestRow = typeof contactRequests.$inferSelect;

/** Undelivered items due at `at`, oldest first, with their requests. */
export async function dueItems(db: PgDb, at: number, limit = 20): Promise<Array<{ item: PgOutboxRow; request: PgContactRequestRow }>> {
  return db
    .select({ item: contactOutbox, request: contactRequests })
    .from(contactOutbox)
    .innerJoin(contactRequests, eq(contactRequests.id, contactOutbox.requestId))
    .where(and(isNull(contactOutbox.deliveredAt), isNotNull(contactOutbox.nextAttemptAt), lte(contactOutbox.nextAttemptAt, at)))
    .orderBy(asc(contactOutbox.nextAttemptAt), asc(contactOutbox.id))
    .limit(limit);
}

export async function nextDueAt(db: PgDb): Promise<number | undefined> {
  const [row] = await db
    .select({ at: min(contactOutbox.nextAttemptAt) })
    .from(contactOutbox)
    .where(and(isNull(contactOutbox.deliveredAt), isNotNull(contactOutbox.nextAttemptAt)));
  return row?.at === null || row?.at === undefined ? undefined : Number(row.at);
}

/**
 * Takes the item until `leaseUntil` and counts the attempt in the same statement, before anything is sent (a
 * delivery cut short by a crash goes out again as the next attempt); resolves with the attempt's number, or
 * undefined when another node (or attempt) took it first.
 */
export async function claimItem(db: PgDb, item: PgOutboxRow, leaseUntil: number, at: number): Promise<number | undefined> {
  const [taken] = await db
    .update(contactOutbox)
    .set({ nextAttemptAt: leaseUntil, attempts: sql`${contactOutbox.attempts} + 1`, lastAttemptAt: at })
    .where(and(eq(contactOutbox.id, item.id), eq(contactOutbox.nextAttemptAt, item.nextAttemptAt!), isNull(contactOutbox.deliveredAt)))
    .returning({ attempts: contactOutbox.attempts });
  return taken?.attempts;
}

/** Records an accepted delivery; the request is `delivered` once all its channels are. */
export async function markDelivered(db: PgDb, item: PgOutboxRow, at: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(contactOutbox)
      .set({ deliveredAt: at, lastAttemptAt: at, nextAttemptAt: null, lastError: null })
      .where(eq(contactOutbox.id, item.id));
    // Locks the request row: two channels delivered at once on two nodes cannot both miss the other's row.
    await tx.select({ id: contactRequests.id }).from(contactRequests).where(eq(contactRequests.id, item.requestId)).for('update');
    const pending = await tx
      .select({ id: contactOutbox.id })
      .from(contactOutbox)
      .where(and(eq(contactOutbox.requestId, item.requestId), isNull(contactOutbox.deliveredAt)));
    if (pending.length === 0) await tx.update(contactRequests).set({ status: 'delivered' }).where(eq(contactRequests.id, item.requestId));
  });
}

export async function markFailed(db: PgDb, item: PgOutboxRow, at: number, error: string, nextAttemptAt: number | null): Promise<void> {
  await db
    .update(contactOutbox)
    .set({ lastAttemptAt: at, lastError: error.slice(0, 1000), nextAttemptAt })
    .where(eq(contactOutbox.id, item.id));
}

export async function retryRequest(db: PgDb, requestId: number, at: number): Promise<number> {
  const rows = await db
    .update(contactOutbox)
    .set({ nextAttemptAt: at })
    .where(and(eq(contactOutbox.requestId, requestId), isNull(contactOutbox.deliveredAt)))
    .returning({ id: contactOutbox.id });
  return rows.length;
}

export async function releaseItem(db: PgDb, item: PgOutboxRow, at: number): Promise<void> {
  await db.update(contactOutbox).set({ nextAttemptAt: at }).where(eq(contactOutbox.id, item.id));
}

/** The outbox rows of a set of requests, for the admin list. */
export async function outboxFor(db: PgDb, requestIds: readonly number[]): Promise<PgOutboxRow[]> {
  if (requestIds.length === 0) return [];
  return db.select().from(contactOutbox).where(inArray(contactOutbox.requestId, [...requestIds]));
}
