/** Recent contact requests with each channel's delivery state, newest first: what /admin/contacts lists. */
import { desc, inArray, isNull, and, gt, gte, lt, count } from 'drizzle-orm';
import type { Db } from '../sqlite/client.ts';
import { rangeMs } from '../reports/periods.ts';
import { outboxFor } from './outbox.ts';
import { contactOutbox, contactRequests } from '../schema/index.ts';
import type { RecentContact } from '../shared/contact.ts';
import { toRecentContacts } from './recent-contacts.ts';

/** Stored contact requests created on the local days from..to (inclusive) in a zone. */
export function countContactRequests(db: Db, from: string, to: string, timeZone: string): number {
  const [start, end] = rangeMs(from, to, timeZone);
  const [row] = db
    .select({ n: count() })
    .from(contactRequests)
    .where(and(gte(contactRequests.createdAt, start), lt(contactRequests.createdAt, end)))
    .all();
  return row?.n ?? 0;
}

/** The newest `limit` requests; with `failing`, only those with a channel that failed at least once and is not delivered. */
export function getRecentContacts(db: Db, { limit = 50, failing = false }: { limit?: number; failing?: boolean } = {}): RecentContact[] {
  const failingIds = failing
    ? db
        .selectDistinct({ id: contactOutbox.requestId })
        .from(contactOutbox)
        .where(and(isNull(contactOutbox.deliveredAt), gt(contactOutbox.attempts, 0)))
        .all()
        .map((r) => r.id)
    : undefined;
  if (failingIds && failingIds.length === 0) return [];
  const rows = db
    .select()
    .from(contactRequests)
    .where(failingIds ? inArray(contactRequests.id, failingIds) : undefined)
    .orderBy(desc(contactRequests.createdAt), desc(contactRequests.id))
    .limit(limit)
    .all();
  return toRecentContacts(rows, outboxFor(db, rows.map((r) => r.id)));
}
