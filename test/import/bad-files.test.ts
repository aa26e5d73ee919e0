/** Bad files and profiles: each gets a clear error naming what is wrong and where, and nothing is imported. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportFileError, ProfileError } from '../../db/tickets/errors.ts';
import { loadProfileFile } from '../../db/tickets/profiles.ts';
import { resolveProfile } from '../../db/tickets/resolve-profile.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { FIXTURES, count, importWith } from '../helpers/import.ts';

let t: TempDb;
beforeEach(() => (t = tempDb()));
afterEach(() => t.cleanup());

const zendeskText = () => readFileSync(join(FIXTURES, 'zendesk.csv'), 'utf8');
const write = (name: string, content: string | Buffer) => {
  const file = join(t.dir, name);
  writeFileSync(file, content);
  return file;
};
const nothingStored = () => expect(count(t.db, 'SELECT count(*) FROM tickets')).toBe(0);

async function fileError(file: string, preset = 'zendesk'): Promise<ImportFileError> {
  const err = await importWith(t.db, file, preset).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportFileError);
  nothingStored();
  return err as ImportFileError;
}

describe('a file the importer cannot read', () => {
  it('names a missing required column and what the profile expected', async () => {
    const file = write('no-created.csv', zendeskText().replace('"Created at"', '"Opened"'));
    const err = await fileError(file);
    expect(err.message).toContain('Missing column "Created at": preset zendesk expects it for created_at');
    expect(err.errors[0]).toMatchObject({ line: 1, column: 'Created at' });
  });

  it('says when the delimiter is not , ; or tab', async () => {
    const file = write('pipes.csv', 'Id|Subject|Created at\n1|Hello|2024-01-01 10:00:00\n');
    const err = await fileError(file);
    expect(err.message).toMatch(/Missing column "Id".*Only one column was found: is the file separated by , ; or tab\?/s);
  });

  it('refuses an empty file', async () => {
    expect((await fileError(write('empty.csv', ''))).message).toBe('The file is empty.');
    expect((await fileError(write('blank.csv', '\n\n  \n'))).message).toMatch(/empty/);
  });

  it('refuses a binary file', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect((await fileError(write('tickets.csv', bytes))).message).toMatch(/looks binary/);
    expect((await fileError(write('export.zip', Buffer.from('PK\u0003\u0004rest of a zip')))).message).toMatch(/ZIP/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Id\tCreated at\n1\t2024-01-01\n', 'utf16le')]);
    expect((await fileError(write('unicode.txt', utf16))).message).toMatch(/UTF-16.*save or export it as UTF-8/);
  });

  it('refuses a header with no rows', async () => {
    const header = zendeskText().split('\r\n')[0]!;
    expect((await fileError(write('header.csv', `${header}\r\n`))).message).toBe('The file has a header but no rows.');
  });

  it('refuses JSON that is neither an array nor one object per line', async () => {
    const err = await fileError(write('tickets.json', '{\n  "tickets": [{ "external_id": "1", "created_at": "2024-01-01" }]\n}\n'), 'generic');
    expect(err.message).toMatch(/give a JSON array of tickets, or one ticket object per line \(NDJSON\)/);
  });

  it('refuses a quote that is never closed, naming the line', async () => {
    const err = await fileError(write('open-quote.csv', 'Id,Created at,Subject\n1,2024-01-01,"never closed\n2,2024-01-02,x\n'));
    expect(err.message).toMatch(/not valid CSV near line \d+/);
  });
});

describe('bad rows', () => {
  const badDate = () => write('bad-date.csv', zendeskText().replace('"2024-03-31 03:30:00"', '"31/03/2024 03:30"'));

  it('name the line, column and value, and stop the whole import', async () => {
    await importWith(t.db, join(FIXTURES, 'freshdesk.csv'), 'freshdesk'); // earlier data stays as it was
    const r = await importWith(t.db, badDate(), 'zendesk');
    expect(r).toMatchObject({ committed: false, imported: 0, updated: 0, skipped: 5, errorCount: 1 });
    // Ticket 1003 starts on line 5: the header is line 1 and ticket 1002's subject spans lines 3-4.
    expect(r.errors).toEqual([
      { line: 5, column: 'Created at', value: '31/03/2024 03:30', reason: expect.stringMatching(/^not a date in the expected format \(yyyy-MM-dd HH:mm:ss or yyyy-MM-dd HH:mm:ss ZZZ or/) },
    ]);
    expect(count(t.db, "SELECT count(*) FROM tickets WHERE source = 'zendesk'")).toBe(0);
    expect(count(t.db, "SELECT count(*) FROM tickets WHERE source = 'freshdesk'")).toBe(4);
  });

  it('are skipped and listed with --skip-invalid while the rest imports', async () => {
    const r = await importWith(t.db, badDate(), 'zendesk', { skipInvalid: true });
    expect(r).toMatchObject({ committed: true, imported: 4, skipped: 1, errorCount: 1 });
    expect(r.errors[0]!.line).toBe(5);
  });

  it('reports a bad count and a bad CSAT value', async () => {
    const file = write('bad-values.csv', zendeskText().replace('"0","2","30"', '"0","two","30"').replace('"Bad"', '"Meh"'));
    const r = await importWith(t.db, file, 'zendesk');
    expect(r.errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [2, 'Replies', 'two'],
      [3, 'Satisfaction Score', 'Meh'],
    ]);
    nothingStored();
  });

  it('refuse duplicate ticket ids within one file, naming both lines', async () => {
    const file = write('dupes.csv', 'external_id,created_at\nA,2024-01-01\nB,2024-01-02\nA,2024-01-03\n');
    const r = await importWith(t.db, file, 'generic');
    expect(r.errors).toEqual([{ line: 4, column: null, value: 'A', reason: 'duplicate ticket id (first on line 2)' }]);
    nothingStored();
    const skipping = await importWith(t.db, file, 'generic', { skipInvalid: true });
    expect(skipping).toMatchObject({ imported: 2, skipped: 1 });
    expect(count(t.db, "SELECT created_at FROM tickets WHERE external_id = 'A'")).toBe(Date.UTC(2024, 0, 1));
  });

  it('list at most 100 errors, then count the rest', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => `T${i},not a date`).join('\n');
    const r = await importWith(t.db, write('many.csv', `external_id,created_at\n${rows}\n`), 'generic');
    expect(r.errors).toHaveLength(100);
    expect(r.errorCount).toBe(250);
    expect(r.errors[99]!.line).toBe(101);
  });

  it('flag a row whose field count differs from the header', async () => {
    const r = await importWith(t.db, write('ragged.csv', 'external_id,created_at,subject\nA,2024-01-01,Hi, there\n'), 'generic');
    expect(r.errors[0]).toMatchObject({ line: 2, reason: 'the row has 4 fields, the header has 3' });
  });
});

describe('an invalid mapping profile', () => {
  it('names the profile file and each bad field', () => {
    const file = write('mine.json', JSON.stringify({
      fields: { external_id: 'id', created: 'when', abandoned: { when: [{ column: 'x' }], value: true } },
    }));
    expect(() => loadProfileFile(file)).toThrow(ProfileError);
    const msg = (() => {
      try {
        loadProfileFile(file);
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(msg).toContain(`Invalid mapping profile ${file}:`);
    expect(msg).toMatch(/fields: Unrecognized key: "created"/);
    expect(msg).toMatch(/fields\.abandoned\.when\.0: give exactly one test/);
    expect(msg).toMatch(/fields\.created_at: created_at is required/);
  });

  it('says when the profile is not JSON, or a preset or --map is unknown', () => {
    expect(() => loadProfileFile(write('broken.json', '{ "fields": '))).toThrow(/broken\.json is not valid JSON/);
    expect(() => resolveProfile({ preset: 'zendesk', maps: ['Subject=title'] })).toThrow(/"title" is not a ticket field/);
    expect(() => resolveProfile({ preset: 'jira' })).toThrow(/Unknown preset "jira"; the presets are: freshdesk, generic, servicenow, zendesk/);
    expect(() => resolveProfile({})).toThrow(/exactly one of --preset/);
  });

  it('--map points a field at another column and keeps the preset\'s date formats', async () => {
    const file = write('renamed.csv', 'ticket,opened\nA,2024-01-01 10:00\n');
    const { profile } = resolveProfile({ preset: 'generic', maps: ['ticket=external_id', 'opened=created_at'] });
    const { importFile } = await import('../../db/tickets/sqlite-import.ts');
    const r = await importFile(t.db, file, { profile, profileLabel: 'generic', timeZone: 'America/New_York' });
    expect(r.imported).toBe(1);
    expect(count(t.db, 'SELECT created_at FROM tickets')).toBe(Date.UTC(2024, 0, 1, 15));
  });

  it('--map naming a column the file lacks is refused, not silently empty', async () => {
    const file = write('renamed.csv', 'external_id,created_at\nA,2024-01-01\n');
    const { profile } = resolveProfile({ preset: 'generic', maps: ['Agent name=assignee'] });
    const { importFile } = await import('../../db/tickets/sqlite-import.ts');
    await expect(importFile(t.db, file, { profile, profileLabel: 'preset generic' })).rejects.toThrow(
      /Missing column "Agent name": preset generic expects it for assignee/,
    );
  });
});
