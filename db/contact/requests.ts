/** Writes and reads stored contact requests: the insert that must commit before the customer is answered. */
import { and, count, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../sqlite/client.ts';
import { contactOutbox, contactRequests, usedFormTokens, type ContactChannel } from '../schema/index.ts';

export type ContactRequestRow = typeof contactRequests.$inferSelect;
export type NewContactRequest = Omit<typeof contactRequests.$inferInsert, 'id' | 'status'>;

/** A form token being spent: its hash, and when it expires (rows past that are of no more use). */
export interface SpentToken {
  tokenHash: string;
  expiresAt: number;
}

/**
 * Stores a request and one outbox row per channel in one transaction, spending the form's token in the same
 * transaction; returns the new id, or undefined (nothing stored) when the token was spent already.
 */
export function storeContactRequest(db: Db, request: NewContactRequest, channels: readonly ContactChannel[], token?: SpentToken): number | undefined {
  return db.transaction((tx) => {
    if (token) {
      const spent = tx.insert(usedFormTokens).values(token).onConflictDoNothing().run().changes;
      if (spent === 0) return undefined;
      // Tokens past their age are refused as expired anyway; a few are cleared with each request.
      tx.delete(usedFormTokens).where(lt(usedFormTokens.expiresAt, request.createdAt)).run();
    }
    const status = channels.length > 0 ? 'queued' : 'undeliverable';
    const [row] = tx
      .insert(contactRequests)
      .values({ ...request, status })
      .returning({ id: contactRequests.id })
      .all();
    const id = row!.id;
    for (const channel of channels) {
      tx.insert(contactOutbox).values({ requestId: id, channel, nextAttemptAt: request.createdAt }).run();
    }
    return id;
  });
}

/** How many requests came from one sender since a time: by `visitor` hash or by (hashed) `address` (the rate limits). */
function countSince(db: Db, by: 'visitor' | 'address', key: string, since: number): number {
  const [row] = db
    .select({ n: count() })
    .from(contactRequests)
    .where(and(eq(contactRequests[by], key), gte(contactRequests.createdAt, since)))
    .all();
  return row?.n ?? 0;
}

/** How many requests a visitor stored since a time (the per-visitor rate limit). */
export const countRequestsSince = (db: Db, visitor: string, since: number) => countSince(db, 'visitor', visitor, since);

/** How many requests came from a (hashed) client address since a time (the per-address rate limit). */
export const countAddressRequestsSince = (db: Db, address: string, since: number) => countSince(db, 'address', address, since);

/** One request by id. */
export function getContactRequest(db: Db, id: number): ContactRequestRow | undefined {
  return db.select().from(contactRequests).where(eq(contactRequests.id, id)).get();
}
