/**
 * An import's rows for a source with no tickets yet, written without staging: every row not repeated is a new ticket,
 * so the encoder makes its tickets line and its tags' lines with the ticket id the writer drew for it (the id base
 * plus the row's line, so ids follow the file), and both are copied straight into tickets and ticket_tags. Rows whose
 * id's hash was seen before are held in kb_held and kb_held_tags until the end, where repeats are told from chance.
 */
import { MAX_LISTED_ERRORS } from '../../tickets/errors.ts';
import type { RepeatedId } from '../../tickets/staging.ts';
import type { Sql } from '../client.ts';
import { TICKET_COPY_COLUMNS } from './copy-rows.ts';

/**
 * Draws the id base: ids from base + 1 on (a row's line is at least 1) are the import's. Drawn under LOCK.tickets,
 * which every writer of tickets holds, and the sequence is moved past the import's ids before it commits (claimIds).
 * `sequence` is the tickets' id sequence, escaped for a quoted literal.
 */
export async function drawIdBase(tx: Sql, sequence: string): Promise<number> {
  const [{ next }] = await tx.unsafe<[{ next: string }]>(`SELECT nextval('${sequence}') AS next`);
  return Number(next) - 1;
}

/** The tables for held rows: a tickets row with its id, and its tags. */
export async function createHeldTables(tx: Sql): Promise<void> {
  await tx.unsafe('CREATE TEMP TABLE kb_held (LIKE tickets) ON COMMIT DROP');
  await tx.unsafe('CREATE TEMP TABLE kb_held_tags (ticket_id int8, tag text) ON COMMIT DROP');
}

/**
 * Settles the held rows of a new source. A held row whose id is in tickets repeats a row written earlier (the first
 * row of an id is never held after a later one: once an id's hash is seen, every later row with it is held); among
 * held rows of one id not in tickets, the first line wins. Repeats are dropped and returned (count, first ones); the
 * rest are written with their tags. `idBase` turns ids back into lines.
 */
export async function settleHeldNew(tx: Sql, source: string, idBase: number): Promise<{ repeated: { count: number; first: RepeatedId[] }; written: number }> {
  const repeats = await tx<Array<{ n: number; line: number; externalId: string; firstLine: number }>>`
    WITH firsts AS (
      SELECT h.external_id, coalesce(min(t.id), min(h.id)) AS id FROM kb_held h
      LEFT JOIN tickets t ON t.source = ${source} AND t.external_id = h.external_id GROUP BY 1),
    d AS (DELETE FROM kb_held h USING firsts f WHERE f.external_id = h.external_id AND h.id > f.id RETURNING h.id, h.external_id, f.id AS first)
    SELECT (count(*) OVER ())::int AS n, (id - ${idBase})::int8 AS line, external_id AS "externalId", (first - ${idBase})::int8 AS "firstLine"
    FROM d ORDER BY id LIMIT ${MAX_LISTED_ERRORS}`;
  const count = repeats[0]?.n ?? 0;
  await tx.unsafe('DELETE FROM kb_held_tags g WHERE NOT EXISTS (SELECT 1 FROM kb_held h WHERE h.id = g.ticket_id)');
  const [{ n }] = await tx.unsafe<[{ n: number }]>(
    `WITH ins AS (INSERT INTO tickets (${TICKET_COPY_COLUMNS}) SELECT ${TICKET_COPY_COLUMNS} FROM kb_held ORDER BY id RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
  );
  await tx.unsafe('INSERT INTO ticket_tags (ticket_id, tag) SELECT ticket_id, tag FROM kb_held_tags');
  return { repeated: { count, first: repeats.map(({ n: _, ...r }) => ({ ...r, line: Number(r.line), firstLine: Number(r.firstLine) })) }, written: n };
}

/** Moves the tickets' id sequence past the ids the import used, so later ids never meet them. */
export async function claimIds(tx: Sql, sequence: string): Promise<void> {
  await tx.unsafe(`SELECT setval('${sequence}', greatest((SELECT max(id) FROM tickets), pg_sequence_last_value('${sequence}')))`);
}

/** The import's tickets as a FROM clause over tickets aliased t (the rollups' deltas): all of the source's. */
export const sourceTickets = (source: string) => `(SELECT * FROM tickets WHERE source = '${source.replace(/'/g, "''")}') t`;
