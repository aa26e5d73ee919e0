/** Contact requests on PostgreSQL (as db/contact/requests.ts and rejections.ts): stored before the customer is answered. */
import { and, count, eq, gte, lt, lte, sql, sum } from 'drizzle-orm';
import type { ContactChannel, RejectionReason } from '../../shared/contact.ts';
import type { NewContactRequest, SpentToken } from '../../contact/requests.ts';
import type { PgDb } from '../client.ts';
import { rangeMs } from '../../reports/periods.ts';
import { contactOutbox, contactRejections, contactRequests, usedFormTokens } from '../schema/index.ts';

/**
 * Stores a request and one outbox row per channel in one transaction, spending the form's token there (a token
 * spent on any node is refused on every other); returns the new id, or undefined when the token was spent already.
 */
export async function storeContactRequest(db: PgDb, request: NewContactRequest, channels: readonly ContactChannel[], token?: SpentToken): Promise<number | undefined> {
  return db.transaction(async (tx) => {
    if (token) {
      const spent = await tx.insert(usedFormTokens).values(token).onConflictDoNothing().returning({ tokenHash: usedFormTokens.tokenHash });
      if (spent.length === 0) return undefined;
      await tx.delete(usedFormTokens).where(lt(usedFormTokens.expiresAt, request.createdAt));
    }
    const status = channels.length > 0 ? 'queued' : 'undeliverable';
    const [row] = await tx.insert(contactRequests).values({ ...request, status }).returning({ id: contactRequests.id });
    const id = row!.id;
    if (channels.length > 0) {
      await tx.insert(contactOutbox).values(channels.map((channel) => ({ requestId: id, channel, nextAttemptAt: request.createdAt })));
    }
    return id;
  });
}

/** How many requests came from one sender since a time: by `visitor` hash or by (hashed) `address` (the rate limits). */
async function countSince(db: PgDb, by: 'visitor' | 'address', key: string, since: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(contactRequests)
    .where(and(eq(contactRequests[by], key), gte(contactRequests.createdAt, since)));
  return row?.n ?? 0;
}

/** How many requests a visitor stored since a time (the per-visitor rate limit, shared by every node). */
export const countRequestsSince = (db: PgDb, visitor: string, since: number) => countSince(db, 'visitor', visitor, since);

/** How many requests came from a (hashed) client address since a time (the per-address rate limit, every node). */
export const countAddressRequestsSince = (db: PgDb, address: string, since: number) => countSince(db, 'address', address, since);

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
