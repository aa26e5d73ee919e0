/** Recent contact requests with each channel's delivery state, newest first: what /admin/contacts lists. */
import { desc, inArray, isNull, and, gt, gte, lt, count } from 'drizzle-orm';
import type { Db } from '../sqlite/client.ts';
import { rangeMs } from '../reports/periods.ts';
import { outboxFor } from './outbox.ts';
import { CONTACT_CHANNELS, contactOutbox, contactRequests } from '../schema/index.ts';
import type { ChannelDelivery, DeliveryState, RecentContact } from '../shared/contact.ts';

const stateOf = (o: { deliveredAt: number | null; attempts: number; nextAttemptAt: number | null }): DeliveryState => {
  if (o.deliveredAt !== null) return 'delivered';
  if (o.nextAttemptAt === null) return 'gave_up';
  return o.attempts === 0 ? 'waiting' : 'retrying';
};

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
  const outbox = outboxFor(db, rows.map((r) => r.id));
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
    channels: CONTACT_CHANNELS.flatMap((c) => outbox.get(r.id)?.[c] ?? []).map((o) => ({
      channel: o.channel,
      state: stateOf(o),
      attempts: o.attempts,
      lastError: o.lastError,
      nextAttemptAt: o.nextAttemptAt,
      deliveredAt: o.deliveredAt,
    })),
  }));
}
