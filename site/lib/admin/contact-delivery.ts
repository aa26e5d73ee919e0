/** Words and times for contact deliveries on /admin/contacts, in the dashboard's time zone. */
import { DateTime } from 'luxon';
import type { ChannelDelivery, RejectionReason } from '../../../db/shared/contact.ts';

/** "25 Nov 2026, 14:05" in the zone. */
export function formatWhen(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('d LLL yyyy, HH:mm');
}

/** "in 4 min", "in 2 h", "now": when the next attempt is due. */
export function formatDue(ms: number, now = Date.now()): string {
  return ms <= now ? 'now' : (DateTime.fromMillis(ms).toRelative({ base: DateTime.fromMillis(now) }) ?? 'soon');
}

export const CHANNEL_LABEL: Record<ChannelDelivery['channel'], string> = { webhook: 'Webhook', email: 'Email' };

export function stateBadge(d: ChannelDelivery): { text: string; tone: 'good' | 'warn' | 'bad' | 'muted' } {
  switch (d.state) {
    case 'delivered':
      return { text: 'delivered', tone: 'good' };
    case 'waiting':
      return { text: 'queued', tone: 'muted' };
    case 'retrying':
      return { text: `failed ${d.attempts}×, retrying`, tone: 'warn' };
    case 'gave_up':
      return { text: `failed ${d.attempts}×, stopped`, tone: 'bad' };
  }
}

export const REJECTION_LABEL: Record<RejectionReason, string> = {
  honeypot: 'Hidden field filled in (bots)',
  too_fast: 'Sent under 3 s after opening',
  bad_token: 'Missing or forged form token',
  expired: 'Form open over a day',
  already_sent: 'Form sent a second time',
  rate_limited: 'Over 5 requests an hour (20 from one address)',
  cross_site: 'Posted from another site',
};
