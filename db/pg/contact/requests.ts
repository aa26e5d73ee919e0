/** Contact requests on PostgreSQL (as db/contact/requests.ts and rejections.ts): stored before the customer is answered. */
import { and, count, eq, gte, lt, lte, sql, sum } from 'drizzle-orm';
import type { ContactChannel, RejectionReason } from '../../shared/contact.ts';
import type { NewContactRequest } from '../../contact/requests.ts';
import type { PgDb } from '../client.ts';
import { rangeMs } from '../../reports/periods.ts';
import { contactOutbox, contactRejections, contactRequests } from '../schema/index.ts';

/** Stores a request and one outbox row per channel in one transaction; returns the new id. */
export async function storeContactRequest(db: PgDb, request: NewContactRequest, channels: readonly ContactChannel[]): Promise<number> {
  return db.transaction(async (tx) => {
    const status = channels.length > 0 ? 'queued' : 'undeliverable';
    const [row] = await tx.insert(contactRequests).values({ ...request, status }).returning({ id: contactRequests.id });
    const id = row!.id;
    if (channels.length > 0) {
      await tx.insert(contactOutbox).values(channels.map((channel) => ({ requestId: id, channel, nextAttemptAt: request.createdAt })));
    }
    return id;
  });
}

/** How many requests a visitor stored since a time (the per-visitor rate limit, shared by every node). */
export async function countRequestsSince(db: PgDb, visitor: string, since: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(contactRequests)
    .where(and(eq(contactRequests.visitor, visitor), gte(contactRequests.createdAt, since)));
  return row?.n ?? 0;
}

/** Requests stored over local days fromDay..toDay in `timeZone`. */
export async function countRequestsPg(db: PgDb, fromDay: string, toDay: string, timeZone: string): Promise<number> {
  const [start, end] = rangeMs(fromDay, toDay, timeZone);
  const [row] = await db.select({ n: count() }).from(contactRequests).where(and(gte(contactRequests.createdAt, start), lt(contactRequests.createdAt, end)));
  return row?.n ?? 0;
}

/** Adds one rejected post for a local day. */
export async function countRejection(db: PgDb, day: string, reason: RejectionReason): Promise<void> {
  await db
    .insert(contactRejections)
    .values({ day, reason, count: 1 })
    .onConflictDoUpdate({ target: [contactRejections.day, contactRejections.reason], set: { count: sql`${contactRejections.count} + 1` } });
}

/** Rejections per reason over local days fromDay..toDay. */
export async function rejectionTotals(db: PgDb, fromDay: string, toDay: string): Promise<Partial<Record<RejectionReason, number>>> {
  const rows = await db
    .select({ reason: contactRejections.reason, n: sum(contactRejections.count).mapWith(Number) })
    .from(contactRejections)
    .where(and(gte(contactRejections.day, fromDay), lte(contactRejections.day, toDay)))
    .groupBy(contactRejections.reason);
  return Object.fromEntries(rows.map((r) => [r.reason, r.n]));
}
