/**
 * A throw-away SQLite file that holds a file's mapped rows between reading and writing, so a file with bad rows
 * imports nothing and duplicate ids are found without holding a 1 GB file's ids in memory. Rows keep the
 * tickets table's columns and file order (rowid), so the writer copies them with INSERT ... SELECT.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { INT_FIELDS, ROW_COLUMNS, TIME_FIELDS } from './fields.ts';
import type { StoredRow } from './write-rows.ts';

const COMMIT_EVERY = 5000;
const NUMERIC = new Set<string>([...TIME_FIELDS, ...INT_FIELDS, 'abandoned']);

/** The staged columns: the tickets table's, with the same affinities so values compare as stored; tags as JSON. */
export const STAGED_COLUMNS = ROW_COLUMNS.map(([, c]) => c);

export class Staging {
  readonly file = join(tmpdir(), `kb-import-${randomBytes(6).toString('hex')}.sqlite`);
  private readonly db = new Database(this.file);
  private readonly insert;
  private readonly firstLine;
  private pending = 0;
  count = 0;

  constructor() {
    // Nothing here needs to survive a crash: the file is deleted when the import ends.
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    const cols = STAGED_COLUMNS.map((c) => `"${c}" ${NUMERIC.has(c) ? 'INTEGER' : 'TEXT'}`);
    this.db.exec(`CREATE TABLE rows (${cols.join(', ')}, tags TEXT NOT NULL, line INTEGER NOT NULL)`);
    // The id check is this index: an insert that would repeat an id is ignored.
    this.db.exec('CREATE UNIQUE INDEX rows_external_id ON rows (external_id)');
    const names = [...STAGED_COLUMNS, 'tags', 'line'];
    this.insert = this.db.prepare(`INSERT OR IGNORE INTO rows (${names.map((c) => `"${c}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
    this.firstLine = this.db.prepare('SELECT line FROM rows WHERE external_id = ?').pluck();
    this.db.exec('BEGIN');
  }

  /** Keeps a row; when its id was already kept, returns the line it was first seen on and keeps nothing. */
  add(row: StoredRow, line: number): number | null {
    const values = row.values;
    values.push(JSON.stringify(row.tags), line);
    if (this.insert.run(values).changes === 0) return this.firstLine.get(values[0]) as number;
    this.count++;
    if (++this.pending >= COMMIT_EVERY) {
      this.db.exec('COMMIT; BEGIN');
      this.pending = 0;
    }
    return null;
  }

  /** Commits and closes the file, ready to be attached by the writer. */
  finish(): void {
    if (this.db.inTransaction) this.db.exec('COMMIT');
    if (this.db.open) this.db.close();
  }

  /** Closes and deletes the file. */
  dispose(): void {
    if (this.db.open) this.db.close();
    rmSync(this.file, { force: true });
  }
}
