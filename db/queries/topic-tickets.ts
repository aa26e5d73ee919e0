/** Tickets per topic: tickets created in a range carrying one of a category's ticketTags or ticketTypes. */
import type Database from 'better-sqlite3';

/** Distinct tickets created in [start, end) whose type is in `types` or that carry a tag in `tags`. */
export function countTopicTickets(db: Database.Database, start: number, end: number, tags: readonly string[], types: readonly string[]): number {
  if (tags.length === 0 && types.length === 0) return 0;
  const parts: string[] = [];
  const args: Array<string | number> = [];
  if (types.length > 0) {
    parts.push(`SELECT id FROM tickets WHERE created_at >= ? AND created_at < ? AND type IN (${types.map(() => '?').join(', ')})`);
    args.push(start, end, ...types);
  }
  if (tags.length > 0) {
    parts.push(
      `SELECT ticket_id FROM ticket_tags JOIN tickets ON tickets.id = ticket_tags.ticket_id
       WHERE tag IN (${tags.map(() => '?').join(', ')}) AND tickets.created_at >= ? AND tickets.created_at < ?`,
    );
    args.push(...tags, start, end);
  }
  const row = db.prepare(`SELECT count(*) AS n FROM (${parts.join(' UNION ')})`).get(...args) as { n: number };
  return row.n;
}
