/** The SQL behind the tickets report: sums per local day, counts per dimension, and per-ticket durations. */
import type Database from 'better-sqlite3';
import { CSAT_GOOD, CSAT_RATED, SOLVED_STATUSES } from './ticket-figures.ts';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
const SOLVED = `lower(status) IN (${list(SOLVED_STATUSES)})`;
const CSAT = 'lower(trim(csat))';
const REPLIES_KNOWN = `(${SOLVED} AND replies IS NOT NULL)`;
const QUEUED = `(channel = 'phone' AND wait_seconds IS NOT NULL)`;

/** The additive sums of one local day. */
export interface TicketDaySums {
  day: number;
  tickets: number;
  solved: number;
  breaches: number;
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

/** Sums per local day (the `daySql` expression) over tickets created in [start, end). */
export function ticketDaySums(db: Database.Database, daySql: string, start: number, end: number, slaMinutes: number): TicketDaySums[] {
  return db
    .prepare(
      `SELECT ${daySql} AS day, count(*) AS tickets, total(${SOLVED}) AS solved,
         total(first_response_at - created_at > ${slaMinutes * 60_000}) AS breaches,
         total(${REPLIES_KNOWN}) AS repliesKnown, total(CASE WHEN ${REPLIES_KNOWN} THEN replies END) AS repliesSum,
         total(${REPLIES_KNOWN} AND replies <= 1 AND coalesce(reopens, 0) = 0) AS fcr,
         total(${SOLVED} AND coalesce(reopens, 0) > 0) AS reopened,
         total(${CSAT} IN (${list(CSAT_GOOD)})) AS csatGood, total(${CSAT} IN (${list(CSAT_RATED)})) AS csatRated,
         total(handle_seconds) AS handleSum, count(handle_seconds) AS handleN,
         total(${QUEUED}) AS queued, total(CASE WHEN ${QUEUED} THEN wait_seconds END) AS waitSum,
         total(${QUEUED} AND abandoned) AS abandoned,
         total(first_response_at - created_at) AS frSumMs, count(first_response_at) AS frN,
         total(solved_at - created_at) AS resSumMs, count(solved_at) AS resN
       FROM tickets WHERE created_at >= ? AND created_at < ? GROUP BY day`,
    )
    .all(start, end) as TicketDaySums[];
}

/** Ticket counts per (channel, type). */
export function ticketChannelTypes(db: Database.Database, start: number, end: number) {
  return db
    .prepare('SELECT channel, type, count(*) FROM tickets WHERE created_at >= ? AND created_at < ? GROUP BY channel, type')
    .raw()
    .all(start, end) as Array<[string, string | null, number]>;
}

/** Solved tickets and their CSAT per assignee. */
export function ticketAssignees(db: Database.Database, start: number, end: number) {
  return db
    .prepare(
      `SELECT assignee, count(*) AS solved, total(${CSAT} IN (${list(CSAT_GOOD)})) AS good, total(${CSAT} IN (${list(CSAT_RATED)})) AS rated
       FROM tickets WHERE created_at >= ? AND created_at < ? AND assignee IS NOT NULL AND ${SOLVED} GROUP BY assignee`,
    )
    .all(start, end) as Array<{ assignee: string; solved: number; good: number; rated: number }>;
}

/** Tickets per tag. */
export function ticketTagCounts(db: Database.Database, start: number, end: number) {
  return db
    .prepare(
      `SELECT tag, count(*) FROM ticket_tags JOIN tickets ON tickets.id = ticket_tags.ticket_id
       WHERE tickets.created_at >= ? AND tickets.created_at < ? GROUP BY tag`,
    )
    .raw()
    .all(start, end) as Array<[string, number]>;
}

/** (local day, first response ms | null, resolution ms | null) per ticket with either, for quantiles. */
export function ticketDurations(db: Database.Database, daySql: string, start: number, end: number) {
  return db
    .prepare(
      `SELECT ${daySql}, first_response_at - created_at, solved_at - created_at FROM tickets
       WHERE created_at >= ? AND created_at < ? AND (first_response_at IS NOT NULL OR solved_at IS NOT NULL)`,
    )
    .raw()
    .all(start, end) as Array<[number, number | null, number | null]>;
}
