/**
 * Large files: the reader thread maps rows exactly as the importer does, the chunked SQL writer counts new,
 * changed and unchanged tickets across chunk edges, and a failure late in a file stores nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeZendeskCsv } from '../../bench/import-data.ts';
import { ImportFileError } from '../../db/tickets/errors.ts';
import { readInWorker } from '../../db/tickets/worker-source.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { FIXTURES, count, importWith, ticketsOf } from '../helpers/import.ts';

let t: TempDb;
let other: TempDb;
beforeEach(() => {
  t = tempDb();
  other = tempDb();
});
afterEach(() => {
  t.cleanup();
  other.cleanup();
});

const ROWS = 3000;

/** A generated Zendesk export of ROWS tickets (several reader batches), with `edit` applied to its text. */
async function zendeskFile(name: string, edit: (text: string) => string = (s) => s): Promise<string> {
  const file = join(t.dir, name);
  await writeZendeskCsv(file, ROWS);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return file;
}

/** Every stored ticket of the zendesk source without its row id and import time, in id order. */
const stored = (db: TempDb) =>
  [...ticketsOf(db.db, 'zendesk').values()]
    .map(({ id: _id, ...rest }) => ({ ...rest, imported_at: undefined }))
    .sort((a, b) => a.external_id.localeCompare(b.external_id));

/** Replaces the line of ticket `id` (ids are the second field) with `f(line)`. */
const editTicket = (text: string, id: number, f: (line: string) => string) =>
  text.replace(new RegExp(`^1,${id},.*$`, 'm'), (line) => f(line));

describe('the reader thread', () => {
  it('maps rows, bad values, ragged rows and repeated ids the same as the importer', async () => {
    const file = await zendeskFile('mixed.csv', (s) => {
      let text = editTicket(s, 700, (l) => l.replace('2024-01-01', '01/01/2024'));
      text = editTicket(text, 1500, (l) => `${l},extra`);
      return editTicket(text, 2200, (l) => l.replace(/^1,2200,/, '1,17,'));
    });
    const inWorker = await importWith(t.db, file, 'zendesk', { mapIn: 'worker', skipInvalid: true });
    const inImporter = await importWith(other.db, file, 'zendesk', { mapIn: 'importer', skipInvalid: true });
    const { durationMs: _a, ...a } = inWorker;
    const { durationMs: _b, ...b } = inImporter;
    expect(a).toEqual(b);
    expect(a).toMatchObject({ rows: ROWS, imported: ROWS - 3, skipped: 3, errorCount: 3 });
    expect(a.errors.map((e) => e.reason)).toEqual([
      expect.stringMatching(/^not a date/),
      'the row has 43 fields, the header has 42',
      'duplicate ticket id (first on line 18)',
    ]);
    expect(stored(t)).toEqual(stored(other));
  });

  it('maps JSON arrays and NDJSON the same on either thread', async () => {
    for (const name of ['generic.json', 'generic.ndjson']) {
      const file = join(FIXTURES, name);
      const a = await importWith(t.db, file, 'generic', { mapIn: 'worker', source: name.replace('.', '-') });
      const b = await importWith(other.db, file, 'generic', { mapIn: 'importer', source: name.replace('.', '-') });
      expect({ ...a, durationMs: 0 }).toEqual({ ...b, durationMs: 0 });
      const tickets = (db: TempDb) =>
        [...ticketsOf(db.db, name.replace('.', '-')).values()].map(({ id: _id, ...rest }) => ({ ...rest, imported_at: undefined }));
      expect(tickets(t)).toEqual(tickets(other));
      expect(tickets(t).length).toBeGreaterThan(0);
    }
  });
});

describe('the chunked writer', () => {
  it('counts new, changed and unchanged tickets across chunk edges and stores what a fresh import stores', async () => {
    const first = await zendeskFile('first.csv');
    expect(await importWith(t.db, first, 'zendesk', { batchSize: 7 })).toMatchObject({ imported: ROWS, updated: 0, unchanged: 0 });
    const edited = await zendeskFile('edited.csv', (s) => {
      let text = s;
      for (const id of [1, 7, 8, 500, 2999]) text = editTicket(text, id, (l) => l.replace(/,(Solved|Closed|Open|Pending),/, ',Hold,'));
      for (const id of [14, 15]) text = editTicket(text, id, (l) => l.replace(/,([a-z]+ [a-z]+),/, ',escalated,'));
      return text + '1,9001,Someone,1,,a@example.com,example.com,Agent,Agent 1,Group 1,New one,,Open,Normal,Mail,Question,2025-01-01 10:00:00,,,,,,,,,,,0,0,,,,,,,,,,,,,\n';
    });
    const again = await importWith(t.db, edited, 'zendesk', { batchSize: 7 });
    expect(again).toMatchObject({ rows: ROWS + 1, imported: 1, updated: 7, unchanged: ROWS - 7 });
    await importWith(other.db, edited, 'zendesk');
    expect(stored(t)).toEqual(stored(other));
    expect(ticketsOf(t.db, 'zendesk').get('14')!.tags).toEqual(['escalated']);
    expect(count(t.db, 'SELECT count(*) FROM ticket_tags')).toBe(count(other.db, 'SELECT count(*) FROM ticket_tags'));
    const dry = await importWith(t.db, edited, 'zendesk', { batchSize: 7, dryRun: true });
    expect(dry).toMatchObject({ imported: 0, updated: 0, unchanged: ROWS + 1 });
  });
});

describe('a failure late in a file', () => {
  it('a CSV error in the reader thread stores nothing and leaves earlier imports as they were', async () => {
    await importWith(t.db, await zendeskFile('first.csv'), 'zendesk');
    const before = stored(t);
    const broken = await zendeskFile('broken.csv', (s) => `${s.replace(/,Open,/g, ',Hold,')}1,9999,"never closed\n`);
    const err = await importWith(t.db, broken, 'zendesk').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as ImportFileError).message).toMatch(/not valid CSV near line \d+/);
    expect((err as ImportFileError).errors[0]!.line).toBeGreaterThan(2900);
    expect(stored(t)).toEqual(before);
  });

  it('a reader thread that cannot read its file ends with the reason instead of waiting, and stores nothing', async () => {
    await importWith(t.db, await zendeskFile('first.csv'), 'zendesk');
    const before = stored(t);
    const gone = join(t.dir, 'gone.csv');
    await expect(readInWorker(gone, { kind: 'csv', delimiter: ',' })).rejects.toThrow(/^Reading the file failed: .*ENOENT/);
    expect(stored(t)).toEqual(before);
  });

  it('lists the first 100 errors in line order when a repeated id comes before many bad values', async () => {
    const bad = Array.from({ length: 150 }, (_, i) => `T${i},not a date`).join('\n');
    const file = join(t.dir, 'many.csv');
    writeFileSync(file, `external_id,created_at\nA,2024-01-01\nA,2024-01-02\n${bad}\n`);
    const r = await importWith(t.db, file, 'generic');
    expect(r.errorCount).toBe(151);
    expect(r.errors).toHaveLength(100);
    expect(r.errors[0]).toEqual({ line: 3, column: null, value: 'A', reason: 'duplicate ticket id (first on line 2)' });
    expect(r.errors.map((e) => e.line)).toEqual(Array.from({ length: 100 }, (_, i) => i + 3));
  });
});
