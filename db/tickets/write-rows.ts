/** Stores canonical ticket rows: insert new, update changed, leave unchanged alone; tags replaced per ticket. */
import type { Database, Statement } from 'better-sqlite3';
import type { Db } from '../sqlite/client.ts';
import { ROW_COLUMNS, type TicketRow } from './ticket-fields.ts';

export interface WriteCounts {
  /** New tickets. */
  imported: number;
  /** Existing tickets whose fields or tags changed. */
  updated: number;
  /** Existing tickets identical to the row. */
  unchanged: number;
}

interface Statements {
  select: Statement;
  insert: Statement;
  update: Statement;
  deleteTags: Statement;
  insertTag: Statement;
}

const cache = new WeakMap<Database, Statements>();
const q = (c: string) => `"${c}"`;

function statements(sqlite: Database): Statements {
  let s = cache.get(sqlite);
  if (s) return s;
  const cols = ROW_COLUMNS.map(([, c]) => c);
  const settable = cols.filter((c) => c !== 'external_id');
  s = {
    select: sqlite.prepare(
      `SELECT id, ${cols.map(q).join(', ')}, (SELECT json_group_array(tag) FROM ` +
        `(SELECT tag FROM ticket_tags WHERE ticket_id = t.id ORDER BY tag)) AS tags ` +
        `FROM tickets t WHERE source = ? AND external_id IN (SELECT value FROM json_each(?))`,
    ),
    insert: sqlite.prepare(
      `INSERT INTO tickets (source, ${cols.map(q).join(', ')}, imported_at) VALUES (?, ${cols.map(() => '?').join(', ')}, ?)`,
    ),
    update: sqlite.prepare(`UPDATE tickets SET ${settable.map((c) => `${q(c)} = ?`).join(', ')}, imported_at = ? WHERE id = ?`),
    deleteTags: sqlite.prepare('DELETE FROM ticket_tags WHERE ticket_id = ?'),
    insertTag: sqlite.prepare('INSERT OR IGNORE INTO ticket_tags (ticket_id, tag) VALUES (?, ?)'),
  };
  cache.set(sqlite, s);
  return s;
}

/** A row as SQLite stores it: column values in ROW_COLUMNS order (booleans as 0/1; values[0] is the id) and tags. */
export interface StoredRow {
  values: Array<string | number | null>;
  tags: string[];
}

export function toStoredRow(row: TicketRow): StoredRow {
  const values = ROW_COLUMNS.map(([k]) => {
    const v = row[k];
    return typeof v === 'boolean' ? (v ? 1 : 0) : v;
  });
  return { values, tags: row.tags };
}

/**
 * Classifies and writes one batch in one transaction (upsertTickets: the demo and tests; file imports
 * write with SQL in write-staged.ts). Rows must have unique external ids.
 * `now` is stamped as imported_at on new and changed tickets.
 */
export function writeRows(db: Db, source: string, rows: readonly StoredRow[], now: number): WriteCounts {
  const s = statements(db.$client);
  const counts: WriteCounts = { imported: 0, updated: 0, unchanged: 0 };
  const run = () => {
    // One indexed lookup per batch finds the tickets that already exist.
    const found = s.select.all(source, JSON.stringify(rows.map((r) => r.values[0]))) as Array<Record<string, unknown>>;
    const existing = new Map(found.map((o) => [o.external_id as string, o]));
    for (const row of rows) {
      const values = row.values;
      const tags = JSON.stringify(row.tags);
      const old = existing.get(values[0] as string);
      if (!old) {
        counts.imported++;
        const id = s.insert.run(source, ...values, now).lastInsertRowid;
        for (const tag of row.tags) s.insertTag.run(id, tag);
        continue;
      }
      const same = old.tags === tags && ROW_COLUMNS.every(([, c], i) => old[c] === values[i]);
      if (same) {
        counts.unchanged++;
        continue;
      }
      counts.updated++;
      s.update.run(...values.slice(1), now, old.id);
      if (old.tags !== tags) {
        s.deleteTags.run(old.id);
        for (const tag of row.tags) s.insertTag.run(old.id, tag);
      }
    }
  };
  // IMMEDIATE: it reads before it writes, and a server may commit events in between (see write-staged.ts).
  db.$client.transaction(run).immediate();
  return counts;
}
