/**
 * The compare path of an import into a source that already has tickets (ticket-writer.ts): each chunk is copied into
 * the temporary table kb_stage, matched against the source's tickets, and written as new tickets, changed tickets
 * (with their tags replaced) or nothing (unchanged). Rows whose id's hash was seen before wait in kb_held until the
 * end, where every row's (id, line) in kb_lines tells a repeated id from a shared hash.
 */
import { MAX_LISTED_ERRORS } from '../../tickets/errors.ts';
import type { RepeatedId } from '../../tickets/staging.ts';
import { STAGED_COLUMNS } from '../../tickets/ticket-fields.ts';
import type { WriteCounts } from '../../tickets/write-rows.ts';
import type { Sql } from '../client.ts';
import { COPY_COLUMN_TYPES, COPY_COLUMNS } from './copy-rows.ts';
import { addTicketSums } from './rollups.ts';

const q = (c: string) => `"${c}"`;
const SETTABLE = STAGED_COLUMNS.filter((c) => c !== 'external_id');
const CHANGED = 'm.id IS NOT NULL AND (m.fields_changed OR m.tags_changed)';

/** The transaction's temporary tables (dropped at its end); with `rollups`, those the rollups' deltas need too. */
export async function createStageTables(tx: Sql, rollups: boolean): Promise<void> {
  await tx.unsafe(`CREATE TEMP TABLE kb_stage (${COPY_COLUMN_TYPES}) ON COMMIT DROP`);
  // Rows held back until the end, and the id and line of every row (to tell a repeated id from a shared hash).
  await tx.unsafe(`CREATE TEMP TABLE kb_held (${COPY_COLUMN_TYPES}) ON COMMIT DROP`);
  await tx.unsafe('CREATE TEMP TABLE kb_lines (external_id text, line int8) ON COMMIT DROP');
  // A chunk's rows with the id of the ticket each one matches (none: new) and what differs.
  await tx.unsafe(`CREATE TEMP TABLE kb_match (${COPY_COLUMN_TYPES}, id int8, fields_changed bool, tags_changed bool) ON COMMIT DROP`);
  if (rollups) {
    // Tickets written (their new versions join the rollups at the end) and requesters of changed tickets' old versions.
    await tx.unsafe('CREATE TEMP TABLE kb_touched (id int8) ON COMMIT DROP');
    await tx.unsafe('CREATE TEMP TABLE kb_requesters (requester text) ON COMMIT DROP');
  }
}

/**
 * The held rows against every row read: those with an earlier line of the same id are repeated ids (dropped, and
 * returned: how many, and the first ones); the others are first of their id, left in kb_stage to be written like any chunk.
 */
export async function settleHeldStaged(tx: Sql): Promise<{ count: number; first: RepeatedId[] }> {
  await tx.unsafe('INSERT INTO kb_lines SELECT external_id, line FROM kb_held');
  const repeats = await tx<Array<{ n: number; line: number; externalId: string; firstLine: number }>>`
    WITH firsts AS (
      SELECT l.external_id, min(l.line) AS line FROM kb_lines l WHERE l.external_id IN (SELECT external_id FROM kb_held) GROUP BY 1),
    d AS (DELETE FROM kb_held h USING firsts f WHERE f.external_id = h.external_id AND h.line > f.line
          RETURNING h.line, h.external_id, f.line AS first_line)
    SELECT (count(*) OVER ())::int AS n, line, external_id AS "externalId", first_line AS "firstLine" FROM d ORDER BY line LIMIT ${MAX_LISTED_ERRORS}`;
  await tx.unsafe('TRUNCATE kb_stage');
  await tx.unsafe(`INSERT INTO kb_stage (${COPY_COLUMNS}) SELECT ${COPY_COLUMNS} FROM kb_held ORDER BY line`);
  return { count: repeats[0]?.n ?? 0, first: repeats.map(({ n: _, ...r }) => r) };
}

export interface MergeOptions {
  /** Rows in kb_stage. */
  rows: number;
  /** Keep the ticket rollups: old versions of changed tickets leave them, written tickets are noted in kb_touched. */
  rollups: boolean;
  source: string;
  /** imported_at of written tickets. */
  now: number;
  /** Only count. */
  dryRun: boolean;
  /** The tickets id sequence's name, quoted for a string literal. */
  sequence: string;
}

/** Classifies kb_stage's rows against the source's tickets, adds them to `counts`, and writes them. */
export async function mergeStaged(tx: Sql, opts: MergeOptions, counts: WriteCounts): Promise<void> {
  await tx.unsafe('TRUNCATE kb_match').execute();
  // Each row looked up by the unique index (LATERAL ... LIMIT 1 keeps the planner from hashing the whole tickets table
  // for every chunk); each side holds a tag once, so the tags are equal as sets when each contains the other.
  const [{ matched, changed }] = await tx.unsafe<[{ matched: number; changed: number }]>(
    `WITH m AS (
       INSERT INTO kb_match
       SELECT s.*, t.id, ${SETTABLE.map((c) => `t.${q(c)} IS DISTINCT FROM s.${q(c)}`).join(' OR ')}, NOT (g.tags @> s.tags AND s.tags @> g.tags)
       FROM kb_stage s
       LEFT JOIN LATERAL (SELECT * FROM tickets t WHERE t.source = $1 AND t.external_id = s.external_id LIMIT 1) t ON true
       LEFT JOIN LATERAL (SELECT coalesce(array_agg(g.tag), '{}') AS tags FROM ticket_tags g WHERE g.ticket_id = t.id) g ON true
       RETURNING id, fields_changed, tags_changed)
     SELECT count(id)::int AS matched, (count(*) FILTER (WHERE id IS NOT NULL AND (fields_changed OR tags_changed)))::int AS changed FROM m`,
    [opts.source],
  );
  counts.imported += opts.rows - matched;
  counts.updated += changed;
  counts.unchanged += matched - changed;
  if (opts.dryRun) return;
  if (changed) await updateChanged(tx, opts);
  if (opts.rows > matched) await insertNew(tx, opts);
}

/** Writes the matched tickets that differ, reached through their ids (one index lookup each, never a hash of tickets). */
async function updateChanged(tx: Sql, { rollups, now }: MergeOptions): Promise<void> {
  await tx.unsafe('SET LOCAL enable_hashjoin = off').execute();
  await tx.unsafe('SET LOCAL enable_mergejoin = off').execute();
  const old = `tickets t JOIN kb_match m ON m.id = t.id AND (${CHANGED})`;
  if (rollups) {
    // The old versions leave the rollups before they change; their requesters are refreshed at the end.
    await tx.unsafe(`INSERT INTO kb_requesters SELECT t.requester FROM ${old} WHERE t.requester IS NOT NULL`);
    await addTicketSums(tx, old, -1);
    await tx.unsafe(`INSERT INTO kb_touched SELECT id FROM kb_match m WHERE ${CHANGED}`);
  }
  await tx.unsafe(
    `UPDATE tickets t SET imported_at = ${now}, ${SETTABLE.map((c) => `${q(c)} = m.${q(c)}`).join(', ')}
     FROM kb_match m WHERE t.id = m.id AND (${CHANGED})`,
  );
  await tx.unsafe('DELETE FROM ticket_tags WHERE ticket_id IN (SELECT id FROM kb_match WHERE tags_changed AND id IS NOT NULL)');
  await tx.unsafe('INSERT INTO ticket_tags (ticket_id, tag) SELECT id, unnest(tags) FROM kb_match WHERE tags_changed AND id IS NOT NULL');
  await tx.unsafe('RESET enable_hashjoin').execute();
  await tx.unsafe('RESET enable_mergejoin').execute();
}

/**
 * Inserts the chunk's rows that matched no ticket as new tickets, in file order, with their tags. Ids are drawn
 * beforehand, so the tags need no join back to the inserted rows.
 */
async function insertNew(tx: Sql, { rollups, source, now, sequence }: MergeOptions): Promise<void> {
  await tx.unsafe(
    `WITH kb_new AS MATERIALIZED (
       SELECT nextval('${sequence}') AS new_id, s.* FROM (SELECT * FROM kb_match s WHERE s.id IS NULL ORDER BY s.line) s),
     ins AS (
       INSERT INTO tickets (id, source, ${STAGED_COLUMNS.map(q).join(', ')}, imported_at)
       SELECT new_id, $1, ${STAGED_COLUMNS.map(q).join(', ')}, ${now} FROM kb_new)${
         rollups ? ', touched AS (INSERT INTO kb_touched SELECT new_id FROM kb_new)' : ''
       }
     INSERT INTO ticket_tags (ticket_id, tag) SELECT new_id, unnest(tags) FROM kb_new`,
    [source],
  );
}
