/**
 * A throw-away SQLite file that holds a file's mapped rows between reading and writing, so a file with bad rows
 * imports nothing and duplicate ids are found without holding a 1 GB file's ids in memory. Rows keep the
 * tickets table's columns and file order (rowid), so the writer copies them with INSERT ... SELECT. It lives in
 * the database's temp folder, mode 0600 (it holds ticket subjects and hashed requesters), named after the process
 * that made it, so a crash's leftover is removed at the next start.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createPrivateFile, tempPath } from '../shared/temp-files.ts';
import { MAX_LISTED_ERRORS } from './errors.ts';
import { INT_FIELDS, STAGED_COLUMNS, TIME_FIELDS } from './ticket-fields.ts';
import type { StagedRecord } from './worker-protocol.ts';

const COMMIT_EVERY = 10_000;
const NUMERIC = new Set<string>([...TIME_FIELDS, ...INT_FIELDS, 'abandoned']);

export { STAGED_COLUMNS };

/** A row whose id an earlier row already had: it was dropped from the staging file. */
export interface RepeatedId {
  line: number;
  externalId: string;
  firstLine: number;
}

export class Staging {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly insert;
  private pending = 0;
  count = 0;

  /**
   * `dir`: the database's temp folder (`<database>.tmp`); without one (tickets staged from code), a folder of this
   * user's in the system temp folder.
   */
  constructor(dir = join(tmpdir(), `kb-staging-${process.getuid?.() ?? 'user'}`)) {
    this.file = createPrivateFile(tempPath(dir, 'import', '.sqlite'));
    this.db = new Database(this.file);
    // Nothing here needs to survive a crash: the file is deleted when the import ends.
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    const cols = STAGED_COLUMNS.map((c) => `"${c}" ${NUMERIC.has(c) ? 'INTEGER' : 'TEXT'}`);
    this.db.exec(`CREATE TABLE rows (${cols.join(', ')}, tags TEXT NOT NULL, line INTEGER NOT NULL)`);
    // In StagedRecord order, so a record binds as it is.
    const names = ['line', ...STAGED_COLUMNS, 'tags'];
    this.insert = this.db.prepare(`INSERT INTO rows (${names.map((c) => `"${c}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
    this.db.exec('BEGIN');
  }

  /** Keeps a row (repeated ids are settled by finish()). */
  add(record: StagedRecord): void {
    this.insert.run(record);
    this.count++;
    if (++this.pending >= COMMIT_EVERY) {
      this.db.exec('COMMIT; BEGIN');
      this.pending = 0;
    }
  }

  /**
   * Indexes the ids and drops every row whose id an earlier row had; returns how many and the first 100 (file
   * order). One sorted index build at the end costs far less than checking each id as it arrives (a random
   * b-tree insert per row, in a file larger than SQLite's cache).
   */
  finish(): { count: number; first: RepeatedId[] } {
    if (this.db.inTransaction) this.db.exec('COMMIT');
    this.db.exec('CREATE INDEX rows_external_id ON rows (external_id)');
    this.db.exec('CREATE TABLE repeated (id INTEGER PRIMARY KEY, line INTEGER, external_id TEXT, first_line INTEGER)');
    const count = this.db
      .prepare(
        `INSERT INTO repeated (id, line, external_id, first_line)
         SELECT r.rowid AS id, r.line AS line, r.external_id AS external_id,
           (SELECT f.line FROM rows f WHERE f.external_id = r.external_id ORDER BY f.rowid LIMIT 1) AS first_line
         FROM rows r WHERE r.external_id IN (SELECT external_id FROM rows GROUP BY external_id HAVING count(*) > 1)
           AND r.rowid > (SELECT min(rowid) FROM rows WHERE external_id = r.external_id)`,
      )
      .run().changes;
    if (!count) return { count, first: [] };
    const first = this.db
      .prepare('SELECT line, external_id AS externalId, first_line AS firstLine FROM repeated ORDER BY id LIMIT ?')
      .all(MAX_LISTED_ERRORS) as RepeatedId[];
    this.db.exec('DELETE FROM rows WHERE rowid IN (SELECT id FROM repeated)');
    this.count -= count;
    return { count, first };
  }

  /** Closes the file, ready to be attached by the writer. */
  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Closes and deletes the file. */
  dispose(): void {
    this.close();
    rmSync(this.file, { force: true });
  }
}
