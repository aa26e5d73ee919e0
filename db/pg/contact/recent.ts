/** Recent contact requests with each channel's delivery state, newest first (what /admin/contacts lists), on PostgreSQL. */
import { and, desc, gt, inArray, isNull } from 'drizzle-orm';
import type { RecentContact } from '../../shared/contact.ts';
import { toRecentContacts } from '../../contact/recent-contacts.ts';
import type { PgDb } from '../client.ts';
import { contactOutbox, contactRequests } from '../schema/index.ts';
import { outboxFor } from './outbox.ts';

export async function pgRecentContacts(db: PgDb, { limit = 50, failing = false }: { limit?: number; failing?: boolean } = {}): Promise<RecentContact[]> {
  const failingIds = failing
    ? (await db.selectDistinct({ id: contactOutbox.requestId }).from(contactOutbox).where(and(isNull(contactOutbox.deliveredAt), gt(contactOutbox.attempts, 0)))).map((r) => r.id)
    : undefined;
  if (failingIds && failingIds.length === 0) return [];
  const rows = await db
    .select()
    .from(contactRequests)
    .where(failingIds ? inArray(contactRequests.id, failingIds) : undefined)
    .orderBy(desc(contactRequests.createdAt), desc(contactRequests.id))
    .limit(limit);
  return toRecentContacts(rows, await outboxFor(db, rows.map((r) => r.id)));
}
