/**
 * A throw-away SQLite file that holds a file's mapped rows between reading and writing, so a file with bad rows
 * imports nothing and duplicate ids are found without holding a 1 GB file's ids in memory.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { TicketRow } from './fields.ts';

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
    this.db.exec('CREATE TABLE rows (seq INTEGER PRIMARY KEY, external_id TEXT NOT NULL UNIQUE, line INTEGER NOT NULL, data TEXT NOT NULL)');
    this.insert = this.db.prepare('INSERT OR IGNORE INTO rows (external_id, line, data) VALUES (?, ?, ?)');
    this.firstLine = this.db.prepare('SELECT line FROM rows WHERE external_id = ?').pluck();
    this.db.exec('BEGIN');
  }

  /** Keeps a row; when its id was already kept, returns the line it was first seen on and keeps nothing. */
  add(row: TicketRow, line: number): number | null {
    const { changes } = this.insert.run(row.externalId, line, JSON.stringify(row));
    if (changes === 0) return this.firstLine.get(row.externalId) as number;
    this.count++;
    if (++this.pending >= COMMIT_EVERY) {
      this.db.exec('COMMIT; BEGIN');
      this.pending = 0;
    }
    return null;
  }

  /** The kept rows in file order, in batches. */
  *batches(size: number): Generator<TicketRow[]> {
    if (this.db.inTransaction) this.db.exec('COMMIT');
    const page = this.db.prepare('SELECT seq, data FROM rows WHERE seq > ? ORDER BY seq LIMIT ?');
    let after = 0;
    for (;;) {
      const rows = page.all(after, size) as Array<{ seq: number; data: string }>;
      if (!rows.length) return;
      after = rows[rows.length - 1]!.seq;
      yield rows.map((r) => JSON.parse(r.data) as TicketRow);
    }
  }

  /** Closes and deletes the file. */
  dispose(): void {
    if (this.db.open) this.db.close();
    rmSync(this.file, { force: true });
  }
}
