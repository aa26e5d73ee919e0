/** Contact definitions every layer shares: delivery channels, why a post was turned away, a request's delivery state. */

export const CONTACT_CHANNELS = ['webhook', 'email'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const REJECTION_REASONS = ['honeypot', 'too_fast', 'bad_token', 'expired', 'already_sent', 'rate_limited', 'cross_site'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export type DeliveryState = 'delivered' | 'waiting' | 'retrying' | 'gave_up';

export interface ChannelDelivery {
  channel: ContactChannel;
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  /** Epoch ms; null once delivered or given up. */
  nextAttemptAt: number | null;
  deliveredAt: number | null;
}

export interface RecentContact {
  id: number;
  key: string;
  createdAt: number;
  email: string;
  subject: string;
  /** What the customer wrote. */
  message: string;
  account: string | null;
  locale: string;
  fromArticle: string | null;
  viewedArticles: string[];
  status: 'queued' | 'delivered' | 'undeliverable';
  channels: ChannelDelivery[];
}
