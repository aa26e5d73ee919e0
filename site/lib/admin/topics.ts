/** The per-topic table on /admin: each category's reads against its tickets, topics with most tickets per view first. */
import type { TopicRow } from '../../../db/queries/types.ts';

export interface TopicView {
  category: string;
  title: string;
  views: number;
  tickets: number;
  viewsPerTicket: number | null;
}

/** Fills in views per ticket and orders the topics whose articles hold back fewest tickets first. */
export function topicRows(topics: readonly TopicRow[] | undefined): TopicView[] {
  return (topics ?? [])
    .map((t) => ({
      category: t.category,
      title: t.title || t.category,
      views: t.views,
      tickets: t.tickets,
      viewsPerTicket: t.viewsPerTicket ?? (t.tickets > 0 ? t.views / t.tickets : null),
    }))
    .sort((a, b) => (a.viewsPerTicket ?? Infinity) - (b.viewsPerTicket ?? Infinity) || b.tickets - a.tickets);
}
