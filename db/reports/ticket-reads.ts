/** Reads the ticket rollups (db/reports/rollups/tickets.ts) for a range of local day numbers, and per-ticket durations. */
import type Database from 'better-sqlite3';

/** The additive sums of one local day (ticket_days). */
export interface TicketDaySums {
  day: number;
  tickets: number;
  solved: number;
  repliesKnown: number;
  repliesSum: number;
  fcr: number;
  reopened: number;
  csatGood: number;
  csatRated: number;
  handleSum: number;
  handleN: number;
  queued: number;
  waitSum: number;
  abandoned: number;
  frSumMs: number;
  frN: number;
  resSumMs: number;
  resN: number;
}

export function ticketDaySums(db: Database.Database, lo: number, hi: number): TicketDaySums[] {
  return db
    .prepare(
      `SELECT day, tickets, solved, replies_known AS repliesKnown, replies_sum AS repliesSum, fcr, reopened,
              csat_good AS csatGood, csat_rated AS csatRated, handle_sum AS handleSum, handle_n AS handleN, queued,
              wait_sum AS waitSum, abandoned, fr_sum_ms AS frSumMs, fr_n AS frN, res_sum_ms AS resSumMs, res_n AS resN
       FROM ticket_days WHERE day BETWEEN ? AND ? AND tickets != 0`,
    )
    .all(lo, hi) as TicketDaySums[];
}

export interface DimRow {
  value: string;
  tickets: number;
  solved: number;
  solvedGood: number;
  solvedRated: number;
  repliesKnown: number;
  fcr: number;
}

/** Tickets per value of one dimension (`channel`, `assignee`, `combo`) over the days lo..hi. */
export function ticketDim(db: Database.Database, dim: string, lo: number, hi: number): DimRow[] {
  return db
    .prepare(
      `SELECT value, total(tickets) AS "tickets", total(solved) AS "solved", total(solved_good) AS "solvedGood",
              total(solved_rated) AS "solvedRated", total(replies_known) AS "repliesKnown", total(fcr) AS "fcr"
       FROM ticket_day_dims WHERE dim = ? AND day BETWEEN ? AND ? GROUP BY value HAVING total(tickets) != 0`,
    )
    .all(dim, lo, hi) as DimRow[];
}

/** A combo key split into the ticket type ('' when none) and its tags. */
export function splitCombo(value: string): { type: string; tags: string[] } {
  const [type = '', tags = ''] = value.split('\u0001');
  return { type, tags: tags ? tags.split(',') : [] };
}

/**
 * Distinct requesters with tickets created in each span of days [lo, hi]: each counts once, on its first day in
 * the span (the row whose previous day with tickets is before lo). One pass over the rows, no DISTINCT.
 */
export function distinctRequesters(db: Database.Database, spans: ReadonlyArray<readonly [number, number]>): number[] {
  const count = db
    .prepare('SELECT count(*) FROM ticket_day_requesters WHERE day BETWEEN ? AND ? AND tickets > 0 AND (prev_day IS NULL OR prev_day < ?)')
    .pluck();
  return spans.map(([lo, hi]) => count.get(lo, hi, lo) as number);
}

/**
 * What ticketColumn can read per ticket: times, durations in ms (null when the end is unknown), and dimensions;
 * plain SQL any adapter can run (db/pg/reports/reads.ts reads the same expressions).
 */
export const TICKET_COLUMNS = {
  createdAt: 'created_at',
  firstResponseAt: 'first_response_at',
  solvedAt: 'solved_at',
  firstResponseMs: 'first_response_at - created_at',
  resolutionMs: 'solved_at - created_at',
  // Channel and assignee in one value: a channel never holds '|' (db/shared/ticket-channels.ts), so the first '|'
  // parts them; one string a row costs half of two.
  group: "channel || '|' || coalesce(assignee, '')",
} as const;
export type TicketColumn = keyof typeof TICKET_COLUMNS;

/**
 * One value per ticket created in [start, end), in created_at order (the covering index's order, so nothing is
 * sorted and every column read this way lines up with every other): split by the per-day counts in ticket_days.
 * One column per query: better-sqlite3 returns a plucked value several times faster than a row.
 */
export function ticketColumn(db: Database.Database, column: TicketColumn, start: number, end: number): unknown[] {
  return db
    // tickets_created_durations (db/schema/tickets.ts) covers every column read here.
    .prepare(`SELECT ${TICKET_COLUMNS[column]} FROM tickets INDEXED BY tickets_created_durations WHERE created_at >= ? AND created_at < ? ORDER BY created_at`)
    .pluck()
    .all(start, end);
}
