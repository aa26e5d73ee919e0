/** Recent contact requests with each channel's delivery state, newest first (what /admin/contacts lists), on PostgreSQL. */
import { and, desc, gt, inArray, isNull } from 'drizzle-orm';
import { CONTACT_CHANNELS } from '../../shared/contact.ts';
import type { RecentContact } from '../../shared/contact.ts';
import type { PgDb } from '../client.ts';
import { contactOutbox, contactRequests } from '../schema/index.ts';
import { outboxFor } from './outbox.ts';

const stateOf = (o: { deliveredAt: number | null; attempts: number; nextAttemptAt: number | null }) =>
  o.deliveredAt !== null ? 'delivered' : o.nextAttemptAt === null ? 'gave_up' : o.attempts === 0 ? 'waiting' : 'retrying';

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
  const outbox = await outboxFor(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    createdAt: r.createdAt,
    email: r.email,
    subject: r.subject,
    message: r.message,
    account: r.account,
    locale: r.locale,
    fromArticle: r.fromArticle,
    viewedArticles: r.viewedArticles,
    status: r.status,
    channels: CONTACT_CHANNELS.flatMap((c) => outbox.filter((o) => o.requestId === r.id && o.channel === c)).map((o) => ({
      channel: o.channel,
      state: stateOf(o),
      attempts: o.attempts,
      lastError: o.lastError,
      nextAttemptAt: o.nextAttemptAt,
      deliveredAt: o.deliveredAt,
    })),
  }));
}
