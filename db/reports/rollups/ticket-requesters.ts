/**
 * Distinct requesters over any range as a count of rows: each ticket_day_requesters row with tickets keeps the
 * requester's previous local day with tickets (`prev_day`), so a requester counts in lo..hi exactly once, on
 * its first day there: the row whose prev_day is before lo (or none). Kept by triggers on the rollup table
 * itself, so the ticket triggers that keep `tickets` need not know; rebuilt in one pass with lag().
 */

export const REQUESTER_TRIGGER_NAMES = ['kb_ticket_requesters_insert', 'kb_ticket_requesters_update'];

/** Recomputes prev_day of the requester's row on `day` and of their next row with tickets after it. */
const refresh = (requester: string, day: string) => {
  const prev = (row: string) =>
    `(SELECT p.day FROM ticket_day_requesters p WHERE p.requester = ${row}.requester AND p.day < ${row}.day AND p.tickets > 0
      ORDER BY p.day DESC LIMIT 1)`;
  return `UPDATE ticket_day_requesters SET prev_day = ${prev('ticket_day_requesters')} WHERE day = ${day} AND requester = ${requester};
    UPDATE ticket_day_requesters SET prev_day = ${prev('ticket_day_requesters')} WHERE requester = ${requester} AND day = (
      SELECT n.day FROM ticket_day_requesters n WHERE n.requester = ${requester} AND n.day > ${day} AND n.tickets > 0 ORDER BY n.day LIMIT 1);`;
};

/** A row's presence (tickets > 0) changing is the only thing that moves anyone's previous day; `live` idles them. */
export function requesterTriggers(live: string): string[] {
  return [
    `CREATE TRIGGER kb_ticket_requesters_insert AFTER INSERT ON ticket_day_requesters WHEN NEW.tickets > 0 AND ${live} BEGIN
      ${refresh('NEW.requester', 'NEW.day')}\nEND`,
    `CREATE TRIGGER kb_ticket_requesters_update AFTER UPDATE OF tickets ON ticket_day_requesters
      WHEN (OLD.tickets > 0) != (NEW.tickets > 0) AND ${live} BEGIN
      ${refresh('NEW.requester', 'NEW.day')}\nEND`,
  ];
}

/** Refills the table from the tickets, previous days included (one pass; run with the triggers idle). */
export const fillRequestersSql = (day: string) => `INSERT INTO ticket_day_requesters (day, requester, tickets, prev_day)
  SELECT day, requester, tickets, lag(day) OVER (PARTITION BY requester ORDER BY day) FROM (
    SELECT ${day} AS day, t.requester AS requester, total(1) AS tickets FROM tickets t WHERE t.requester IS NOT NULL GROUP BY 1, 2)
  ORDER BY day, requester`; // in primary key order: appending to the table beats inserting at random places
