/** The per-topic table on /admin: each category's reads against its tickets, and how both moved since the previous period. */
import type { TopicRow } from '../../../db/shared/reports.ts';

export interface TopicView {
  category: string;
  title: string;
  views: number;
  tickets: number;
  viewsPerTicket: number | null;
  /** Relative change against the previous period of the same length (0.25 = +25%); null without a base. */
  viewsChange: number | null;
  ticketsChange: number | null;
}

const change = (now: number, before: number | undefined) => (before ? (now - before) / before : null);

/** Fills in views per ticket and the changes, and orders the topics whose articles hold back fewest tickets first. */
export function topicRows(topics: readonly TopicRow[] | undefined, previous: readonly TopicRow[] = []): TopicView[] {
  const before = new Map(previous.map((t) => [t.category, t]));
  return (topics ?? [])
    .map((t) => ({
      category: t.category,
      title: t.title || t.category,
      views: t.views,
      tickets: t.tickets,
      viewsPerTicket: t.viewsPerTicket ?? (t.tickets > 0 ? t.views / t.tickets : null),
      viewsChange: change(t.views, before.get(t.category)?.views),
      ticketsChange: change(t.tickets, before.get(t.category)?.tickets),
    }))
    .sort((a, b) => (a.viewsPerTicket ?? Infinity) - (b.viewsPerTicket ?? Infinity) || b.tickets - a.tickets);
}
