/**
 * Ticket rollups on PostgreSQL, without triggers: every ticket write goes through the adapter, which changes the
 * rollups in the same transaction (docs/scale-out.md). A changed ticket's old version is subtracted before the
 * write and its new version added after; the requesters' previous-day chains are recomputed for the requesters
 * touched. Writers serialize on LOCK.tickets, so two imports never interleave their deltas.
 */
import { zonePieces } from '../../reports/rollups/tickets.ts';
import type { PgDb, Sql } from '../client.ts';
import { LOCK } from '../locks.ts';
import { daySql, daySums, DIMS, dimSums } from './rollup-sql.ts';

/**
 * Adds sign x the sums of the tickets selected by `from` (a FROM clause over tickets aliased t, e.g.
 * `tickets t JOIN changed c ON c.id = t.id`) to ticket_days and ticket_day_dims. One statement: each ticket's day,
 * dimension values and per-ticket sums are computed once (the day's zone offset and the tag combination are a
 * lookup each) and grouped four ways, where a statement per table scanned the tickets and looked them up four times.
 */
export async function addTicketSums(tx: Sql, from: string, sign: 1 | -1): Promise<void> {
  const sums = daySums('t.');
  const d = dimSums('t.');
  const dims = DIMS('t.');
  const dimRows = dims.map(
    ([dim, , where], i) =>
      `SELECT day, '${dim}', v${i}, ${d.map(([c]) => `${sign} * sum(m_${c})`).join(', ')} FROM r WHERE ${where === 'true' ? 'true' : `w${i}`} GROUP BY day, v${i}`,
  );
  await tx.unsafe(
    `WITH r AS MATERIALIZED (
       SELECT ${daySql('t.')} AS day, ${dims.map(([, value, where], i) => `${value} AS v${i}${where === 'true' ? '' : `, ${where} AS w${i}`}`).join(', ')},
         ${sums.map(([c, v]) => `${v} AS d_${c}`).join(', ')}, ${d.map(([c, v]) => `${v} AS m_${c}`).join(', ')}
       FROM ${from}),
     days AS (
       INSERT INTO ticket_days (day, ${sums.map(([c]) => c).join(', ')})
       SELECT day, ${sums.map(([c]) => `${sign} * sum(d_${c})`).join(', ')} FROM r GROUP BY day
       ON CONFLICT (day) DO UPDATE SET ${sums.map(([c]) => `${c} = ticket_days.${c} + excluded.${c}`).join(', ')})
     INSERT INTO ticket_day_dims (day, dim, value, ${d.map(([c]) => c).join(', ')})
     ${dimRows.join('\n     UNION ALL ')}
     ON CONFLICT (dim, day, value) DO UPDATE SET ${d.map(([c]) => `${c} = ticket_day_dims.${c} + excluded.${c}`).join(', ')}`,
  );
}

/**
 * Each requester's days with the day before (lag over the requester's days). Partitioned by the requester's bytes
 * (COLLATE "C"): a partition only needs equal values together, and sorting a million requesters by the database's
 * collation took a fifth of a big import's refresh.
 */
const PREV_DAY = 'lag(day) OVER (PARTITION BY requester COLLATE "C" ORDER BY day)';

/** Recomputes ticket_day_requesters (counts and previous days) for the requesters `requesters` (a subquery) names. */
export async function refreshRequesters(tx: Sql, requesters: string): Promise<void> {
  await tx.unsafe(`DELETE FROM ticket_day_requesters WHERE requester IN (${requesters})`);
  await tx.unsafe(
    `INSERT INTO ticket_day_requesters (day, requester, tickets, prev_day)
     SELECT day, requester, tickets, ${PREV_DAY} FROM (
       SELECT ${daySql('t.')} AS day, t.requester, count(*) AS tickets FROM tickets t
       WHERE t.requester IN (${requesters}) GROUP BY 1, 2) s`,
  );
}

/** Whether the ticket rollups are built (in the database's zone); deltas are only kept on built rollups. */
export async function ticketRollupsBuilt(tx: Sql): Promise<boolean> {
  const [row] = await tx`SELECT 1 FROM rollup_state WHERE key = 'ticketTimeZone'`;
  return row !== undefined;
}

/** Rebuilds the ticket rollups from the tickets table in `timeZone` (inside the caller's transaction, which holds LOCK.tickets). */
export async function rebuildTicketRollupsIn(tx: Sql, timeZone: string): Promise<void> {
  await tx`TRUNCATE ticket_days, ticket_day_dims, ticket_day_requesters, tz_offsets`;
  const pieces = zonePieces(timeZone);
  await tx`INSERT INTO tz_offsets (from_ms, offset_ms) SELECT * FROM unnest(${tx.array(pieces.map((p) => p[0]), 1016)}::int8[], ${tx.array(pieces.map((p) => p[1]), 1016)}::int8[])`;
  await addTicketSums(tx, 'tickets t', 1);
  await tx.unsafe(
    `INSERT INTO ticket_day_requesters (day, requester, tickets, prev_day)
     SELECT day, requester, tickets, ${PREV_DAY} FROM (
       SELECT ${daySql('t.')} AS day, t.requester, count(*) AS tickets FROM tickets t WHERE t.requester IS NOT NULL GROUP BY 1, 2) s`,
  );
  await tx`INSERT INTO rollup_state (key, value) VALUES ('ticketTimeZone', ${timeZone}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
}

/** Builds the ticket rollups once (or again in another zone); cheap when they are built. */
export async function ensurePgTicketRollups(db: PgDb, timeZone: string): Promise<void> {
  const [row] = await db.$client<[{ value: string } | undefined]>`SELECT value FROM rollup_state WHERE key = 'ticketTimeZone'`;
  if (row?.value === timeZone) return;
  await db.$client.begin(async (txn) => {
    const tx = txn as unknown as Sql;
    await tx`SELECT pg_advisory_xact_lock(${LOCK.tickets})`;
    const [again] = await tx<[{ value: string } | undefined]>`SELECT value FROM rollup_state WHERE key = 'ticketTimeZone'`;
    if (again?.value !== timeZone) await rebuildTicketRollupsIn(tx, timeZone);
  });
}
