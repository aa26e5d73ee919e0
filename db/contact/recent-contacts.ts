/**
 * A contact request as /admin/contacts lists it, with each channel's delivery state: one shaping for both stores,
 * which read the rows (db/contact/getRecentContacts.ts on SQLite, db/pg/contact/recent.ts on PostgreSQL).
 */
import { CONTACT_CHANNELS, type ContactChannel, type DeliveryState, type RecentContact } from '../shared/contact.ts';

/** The stored request's fields the list shows. */
export type RecentRequestRow = Omit<RecentContact, 'channels'>;

/** One channel's outbox row, as either store keeps it. */
export interface RecentOutboxRow {
  requestId: number;
  channel: ContactChannel;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: number | null;
  deliveredAt: number | null;
}

export function deliveryState(o: Pick<RecentOutboxRow, 'deliveredAt' | 'attempts' | 'nextAttemptAt'>): DeliveryState {
  if (o.deliveredAt !== null) return 'delivered';
  if (o.nextAttemptAt === null) return 'gave_up';
  return o.attempts === 0 ? 'waiting' : 'retrying';
}

/** The requests in the order given, each with its outbox rows in CONTACT_CHANNELS order. */
export function toRecentContacts(requests: readonly RecentRequestRow[], outbox: readonly RecentOutboxRow[]): RecentContact[] {
  const byRequest = Map.groupBy(outbox, (o) => o.requestId);
  return requests.map((r) => ({
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
    channels: CONTACT_CHANNELS.flatMap((c) => (byRequest.get(r.id) ?? []).filter((o) => o.channel === c)).map((o) => ({
      channel: o.channel,
      state: deliveryState(o),
      attempts: o.attempts,
      lastError: o.lastError,
      nextAttemptAt: o.nextAttemptAt,
      deliveredAt: o.deliveredAt,
    })),
  }));
}
