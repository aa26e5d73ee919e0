/**
 * Writes an import's staged rows (the local staging file of db/import/staging.ts) to PostgreSQL all or nothing:
 * COPY into a temporary table, then in the same transaction insert new tickets, update changed ones, replace
 * their tags, change the ticket rollups and record the import. A kill -9 of the node or a restart of PostgreSQL
 * at any moment leaves the tickets as before or as after. Same rules as the SQLite writer: a ticket is updated
 * only when a field or its tags differ.
 */
import { once } from 'node:events';
import Database from 'better-sqlite3';
import { STAGED_COLUMNS } from '../../tickets/staging.ts';
import type { WriteCounts } from '../../tickets/write-rows.ts';
import type { PgDb, Sql } from '../client.ts';
import { LOCK } from '../locks.ts';
import { addTicketSums, refreshRequesters, ticketRollupsBuilt } from './rollups.ts';

export interface PgPublishOptions {
  source: string;
  now: number;
  dryRun: boolean;
  /** Rows copied so far (for a progress bar). */
  onRows?: (done: number) => void;
  /** Runs inside the publishing transaction after the tickets are written (records the import), so it commits with them. */
  record?: (tx: Sql, counts: WriteCounts) => Promise<void>;
}

const INT = new Set(['created_at', 'first_response_at', 'solved_at', 'replies', 'reopens', 'handle_seconds', 'wait_seconds']);
const q = (c: string) => `"${c}"`;
const pgType = (c: string) => (INT.has(c) ? 'int8' : c === 'abandoned' ? 'bool' : 'text');

const SPECIAL = /[\\\t\n\r]/;

/** A value in COPY's text format: \N for null, backslash escapes for the characters that end fields or lines. */
function field(v: unknown, column: string): string {
  if (v === null || v === undefined) return '\\N';
  if (column === 'abandoned') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  const text = String(v);
  return SPECIAL.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;
}

/** Streams the staging file's rows into kb_stage (file order as rn), minding the socket's backpressure. */
async function copyStaged(tx: Sql, stagingFile: string, onRows?: (done: number) => void): Promise<number> {
  const cols = ['rn', ...STAGED_COLUMNS, 'tags'];
  const writable = await tx.unsafe(`COPY kb_stage (${cols.map(q).join(', ')}) FROM STDIN`).writable();
  const staged = new Database(stagingFile, { readonly: true });
  let n = 0;
  try {
    const rows = staged.prepare(`SELECT rowid, ${STAGED_COLUMNS.map(q).join(', ')}, tags FROM rows ORDER BY rowid`).raw().iterate() as IterableIterator<unknown[]>;
    let chunk = '';
    for (const row of rows) {
      chunk += `${row.map((v, i) => field(v, cols[i]!)).join('\t')}\n`;
      if (++n % 1000 === 0) {
        if (!writable.write(chunk)) await once(writable, 'drain');
        chunk = '';
        onRows?.(n);
      }
    }
    if (chunk) writable.write(chunk);
    writable.end();
    await once(writable, 'finish');
  } finally {
    staged.close();
  }
  return n;
}

/** Writes (or with dryRun only counts) the staged rows in one transaction; returns new, changed and unchanged. */
export async function publishStagedPg(db: PgDb, stagingFile: string, opts: PgPublishOptions): Promise<WriteCounts> {
  const settable = STAGED_COLUMNS.filter((c) => c !== 'external_id');
  const src = opts.source.replace(/'/g, "''");
  const run = async (txn: unknown): Promise<WriteCounts> => {
    const tx = txn as Sql;
    // One publisher at a time: the rollup deltas of two imports must not interleave.
    if (!opts.dryRun) await tx`SELECT pg_advisory_xact_lock(${LOCK.tickets})`;
    await tx.unsafe(
      `CREATE TEMP TABLE kb_stage (rn int8, ${STAGED_COLUMNS.map((c) => `${q(c)} ${pgType(c)}`).join(', ')}, tags jsonb) ON COMMIT DROP`,
    );
    const rows = await copyStaged(tx, stagingFile, opts.onRows);
    await tx.unsafe('CREATE INDEX ON kb_stage (external_id)');
    const storedTags = `coalesce((SELECT array_agg(g.tag ORDER BY g.tag COLLATE "C") FROM ticket_tags g WHERE g.ticket_id = t.id), '{}')`;
    const stagedTags = `ARRAY(SELECT x FROM jsonb_array_elements_text(s.tags) x ORDER BY x COLLATE "C")`;
    await tx.unsafe(
      `CREATE TEMP TABLE kb_changed ON COMMIT DROP AS
       SELECT id, tags_changed FROM (
         SELECT t.id, (${settable.map((c) => `t.${q(c)} IS DISTINCT FROM s.${q(c)}`).join(' OR ')}) AS fields_changed,
                ${storedTags} IS DISTINCT FROM ${stagedTags} AS tags_changed
         FROM kb_stage s JOIN tickets t ON t.source = '${src}' AND t.external_id = s.external_id) x
       WHERE fields_changed OR tags_changed`,
    );
    const [{ changed, fresh }] = await tx.unsafe<[{ changed: number; fresh: number }]>(
      `SELECT (SELECT count(*) FROM kb_changed) AS changed,
              (SELECT count(*) FROM kb_stage s WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.source = '${src}' AND t.external_id = s.external_id)) AS fresh`,
    );
    const counts: WriteCounts = { imported: fresh, updated: changed, unchanged: rows - fresh - changed };
    if (opts.dryRun) return counts;

    const rollups = await ticketRollupsBuilt(tx);
    if (rollups) {
      // The old versions leave the rollups before they change; their requesters are refreshed afterwards.
      await tx.unsafe('CREATE TEMP TABLE kb_requesters ON COMMIT DROP AS SELECT DISTINCT t.requester FROM tickets t JOIN kb_changed c ON c.id = t.id WHERE t.requester IS NOT NULL');
      await addTicketSums(tx, 'tickets t JOIN kb_changed c ON c.id = t.id', -1);
    }
    await tx.unsafe(
      `UPDATE tickets t SET imported_at = ${opts.now}, ${settable.map((c) => `${q(c)} = s.${q(c)}`).join(', ')}
       FROM kb_stage s, kb_changed c WHERE t.id = c.id AND t.source = '${src}' AND t.external_id = s.external_id`,
    );
    await tx.unsafe('DELETE FROM ticket_tags WHERE ticket_id IN (SELECT id FROM kb_changed WHERE tags_changed)');
    await tx.unsafe(
      `INSERT INTO ticket_tags (ticket_id, tag)
       SELECT c.id, x FROM kb_changed c JOIN tickets t ON t.id = c.id JOIN kb_stage s ON s.external_id = t.external_id AND t.source = '${src}',
         jsonb_array_elements_text(s.tags) x WHERE c.tags_changed`,
    );
    await tx.unsafe(
      `CREATE TEMP TABLE kb_new ON COMMIT DROP AS WITH ins AS (
         INSERT INTO tickets (source, ${STAGED_COLUMNS.map(q).join(', ')}, imported_at)
         SELECT '${src}', ${STAGED_COLUMNS.map((c) => `s.${q(c)}`).join(', ')}, ${opts.now} FROM kb_stage s
         WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.source = '${src}' AND t.external_id = s.external_id) ORDER BY s.rn
         RETURNING id, external_id)
       SELECT id, external_id FROM ins`,
    );
    await tx.unsafe('ANALYZE kb_new'); // a temporary table has no statistics: without them the tags join below is planned blind
    await tx.unsafe(
      `INSERT INTO ticket_tags (ticket_id, tag) SELECT n.id, x FROM kb_new n JOIN kb_stage s ON s.external_id = n.external_id, jsonb_array_elements_text(s.tags) x`,
    );
    if (rollups) {
      const touched = 'tickets t JOIN (SELECT id FROM kb_changed UNION ALL SELECT id FROM kb_new) c ON c.id = t.id';
      await addTicketSums(tx, touched, 1);
      await refreshRequesters(tx, `SELECT requester FROM kb_requesters UNION SELECT t.requester FROM ${touched} WHERE t.requester IS NOT NULL`);
    }
    await opts.record?.(tx, counts);
    return counts;
  };
  // A dry run writes nothing: its transaction is rolled back whatever happens.
  if (opts.dryRun) {
    const reserved = await db.$client.reserve();
    try {
      await reserved`BEGIN`;
      return await run(reserved);
    } finally {
      await reserved`ROLLBACK`;
      reserved.release();
    }
  }
  return (await db.$client.begin((tx) => run(tx))) as WriteCounts;
}
