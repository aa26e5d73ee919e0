/** Writes and reads stored contact requests: the insert that must commit before the customer is answered. */
import { and, count, eq, gte } from 'drizzle-orm';
import type { Db } from '../sqlite/client.ts';
import { contactOutbox, contactRequests, type ContactChannel } from '../schema/index.ts';

export type ContactRequestRow = typeof contactRequests.$inferSelect;
export type NewContactRequest = Omit<typeof contactRequests.$inferInsert, 'id' | 'status'>;

/** Stores a request and one outbox row per channel in one transaction; returns the new id. */
export function storeContactRequest(db: Db, request: NewContactRequest, channels: readonly ContactChannel[]): number {
  return db.transaction((tx) => {
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

/** How many requests a visitor stored since a time (the per-visitor rate limit). */
export function countRequestsSince(db: Db, visitor: string, since: number): number {
  const [row] = db
    .select({ n: count() })
    .from(contactRequests)
    .where(and(eq(contactRequests.visitor, visitor), gte(contactRequests.createdAt, since)))
    .all();
  return row?.n ?? 0;
}

/** One request by id. */
export function getContactRequest(db: Db, id: number): ContactRequestRow | undefined {
  return db.select().from(contactRequests).where(eq(contactRequests.id, id)).get();
}
