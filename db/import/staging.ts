/**
 * A throw-away SQLite file that holds a file's mapped rows between reading and writing, so a file with bad rows
 * imports nothing and duplicate ids are found without holding a 1 GB file's ids in memory.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { decodeRow, encodeRow, type StoredRow } from './write-rows.ts';

const COMMIT_EVERY = 5000;

export class Staging {
  private readonly file = join(tmpdir(), `kb-import-${randomBytes(6).toString('hex')}.sqlite`);
  private readonly db = new Database(this.file);
  private readonly insert;
  private readonly firstLine;
  private pending = 0;
  count = 0;

  constructor() {
    // Nothing here needs to survive a crash: the file is deleted when the import ends.
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    // Keyed by id alone (one b-tree): the id check and the row are a single insert.
    this.db.exec('CREATE TABLE rows (external_id TEXT PRIMARY KEY, line INTEGER NOT NULL, data TEXT NOT NULL) WITHOUT ROWID');
    this.insert = this.db.prepare('INSERT OR IGNORE INTO rows (external_id, line, data) VALUES (?, ?, ?)');
    this.firstLine = this.db.prepare('SELECT line FROM rows WHERE external_id = ?').pluck();
    this.db.exec('BEGIN');
  }

  /** Keeps a row; when its id was already kept, returns the line it was first seen on and keeps nothing. */
  add(row: StoredRow, line: number): number | null {
    const id = row.values[0] as string;
    const { changes } = this.insert.run(id, line, encodeRow(row));
    if (changes === 0) return this.firstLine.get(id) as number;
    this.count++;
    if (++this.pending >= COMMIT_EVERY) {
      this.db.exec('COMMIT; BEGIN');
      this.pending = 0;
    }
    return null;
  }

  /** The kept rows in batches (in id order). */
  *batches(size: number): Generator<StoredRow[]> {
    if (this.db.inTransaction) this.db.exec('COMMIT');
    const page = this.db.prepare('SELECT external_id, data FROM rows WHERE external_id > ? ORDER BY external_id LIMIT ?').raw();
    let after = '';
    for (;;) {
      const rows = page.all(after, size) as Array<[string, string]>;
      if (!rows.length) return;
      after = rows[rows.length - 1]![0];
      yield rows.map((r) => decodeRow(r[1]));
    }
  }

  /** Closes and deletes the file. */
  dispose(): void {
    if (this.db.open) this.db.close();
    rmSync(this.file, { force: true });
  }
}
