/**
 * Defect 9: the importer refuses nonsense. Text that is not UTF-8 is refused with a sentence (or read with
 * --encoding); times that run backwards or lie in the future, and over-long text, are bad rows with line and
 * field; and an error answer never echoes megabytes of what was sent.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { ImportFileError } from '../../db/tickets/errors.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { count, importWith } from '../helpers/import.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
let t: TempDb;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

const HEADER = 'external_id,created_at,first_response_at,solved_at,subject,tags\n';
const file = (name: string, content: string | Buffer) => {
  const path = join(t.dir, name);
  writeFileSync(path, content);
  return path;
};
const tickets = () => count(t.db, 'SELECT count(*) FROM tickets');

describe('text that is not UTF-8', () => {
  const latin1 = () => file('latin1.csv', Buffer.from(`${HEADER}T1,2026-03-01 10:00,,,Hello,a\nT2,2026-03-01 11:00,,,Caf\xe9 au lait,b\n`, 'latin1'));

  it('is refused with a sentence naming the line and what to do, and nothing is stored', async () => {
    const err = await importWith(t.db, latin1(), 'generic').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as Error).message).toMatch(/^The file is not UTF-8 text: line 3 holds the byte 0xE9/);
    expect((err as Error).message).toContain('--encoding windows-1252');
    expect(tickets()).toBe(0);
  });

  it('names the right line when the byte lies megabytes into the file, past a character split across reads', async () => {
    // 20,000 good rows with a multi-byte character each (some fall across the reader's 256 KB chunks), then a bad one.
    const good = Array.from({ length: 20_000 }, (_, i) => `T${i},2026-03-01 10:00,,,Ça va ${'x'.repeat(i % 97)},a\n`).join('');
    const path = file('late.csv', Buffer.concat([Buffer.from(HEADER + good, 'utf8'), Buffer.from('T-bad,2026-03-01 11:00,,,Caf\xe9,b\n', 'latin1')]));
    const err = await importWith(t.db, path, 'generic').catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^The file is not UTF-8 text: line 20002 holds the byte 0xE9/);
    expect(tickets()).toBe(0);
  });

  it('is read with --encoding and stored as the text it is', async () => {
    const r = await importWith(t.db, latin1(), 'generic', { encoding: 'latin1' });
    expect(r.imported).toBe(2);
    expect(t.db.$client.prepare("SELECT subject FROM tickets WHERE external_id = 'T2'").pluck().get()).toBe('Café au lait');
  });

  it('says so from the command line, exiting non-zero', async () => {
    const env = { ...process.env, KB_DB: t.file };
    const cli = await run(process.execPath, ['--import', 'tsx', 'bin/cli/main.ts', 'import', latin1(), '--preset', 'generic'], { cwd: root, env }).catch((e: { code: number; stderr: string }) => e);
    expect((cli as { code: number }).code).toBe(1);
    expect((cli as { stderr: string }).stderr).toMatch(/not UTF-8 text: line 3/);
    const ok = await run(process.execPath, ['--import', 'tsx', 'bin/cli/main.ts', 'import', latin1(), '--preset', 'generic', '--encoding', 'windows-1252'], { cwd: root, env });
    expect(ok.stdout).toMatch(/imported\s+2/);
  });

  it('keeps UTF-8 characters that straddle the reader\'s chunks', async () => {
    const subject = 'Žluťoučký kůň 🐎 ';
    const rows = Array.from({ length: 20_000 }, (_, i) => `U${i},2026-03-01 10:00,,,${subject.repeat(1 + (i % 7))},x`);
    const r = await importWith(t.db, file('utf8.csv', HEADER + rows.join('\n')), 'generic');
    expect(r.imported).toBe(20_000);
    expect(t.db.$client.prepare("SELECT subject FROM tickets WHERE external_id = 'U6'").pluck().get()).toBe(subject.repeat(7).trim());
  });
});

describe('rows that cannot be true', () => {
  it('a ticket answered or solved before it was created, or dated in the future, is a bad row with line and field', async () => {
    const csv = `${HEADER}OK,2026-03-01 10:00,2026-03-01 10:30,2026-03-01 12:00,Fine,a
BACK,2026-03-01 10:00,2026-03-01 09:00,2026-02-01 12:00,Backwards,a
LATER,2099-01-01 10:00,,,Future,a
ANSWER,2026-03-01 10:00,2099-03-01 10:30,,Answered in the future,a
`;
    const r = await importWith(t.db, file('times.csv', csv), 'generic');
    expect(r.committed).toBe(false);
    expect(tickets()).toBe(0);
    expect(r.errors).toEqual([
      { line: 3, column: 'first_response_at', value: '2026-03-01 09:00', reason: 'first_response_at 2026-03-01T09:00:00Z is before created_at 2026-03-01T10:00:00Z' },
      { line: 3, column: 'solved_at', value: '2026-02-01 12:00', reason: 'solved_at 2026-02-01T12:00:00Z is before created_at 2026-03-01T10:00:00Z' },
      { line: 4, column: 'created_at', value: '2099-01-01 10:00', reason: 'lies in the future (2099-01-01T10:00:00Z)' },
      { line: 5, column: 'first_response_at', value: '2099-03-01 10:30', reason: 'lies in the future (2099-03-01T10:30:00Z)' },
    ]);
    const skipped = await importWith(t.db, file('times.csv', csv), 'generic', { skipInvalid: true });
    expect(skipped).toMatchObject({ imported: 1, skipped: 3 });
  });

  it('a resolution time that would end before the ticket began is a bad row too (negative durations are refused)', async () => {
    const profile = join(t.dir, 'durations.json');
    writeFileSync(profile, JSON.stringify({ fields: { external_id: 'id', created_at: 'created', solved_at: { column: 'minutes', duration: 'minutes' } } }));
    const r = await importWith(t.db, file('d.csv', 'id,created,minutes\nD1,2026-03-01 10:00,30\nD2,2026-03-01 10:00,-143505\n'), profile);
    expect(r.errors).toEqual([{ line: 3, column: 'minutes', value: '-143505', reason: 'a duration cannot be negative' }]);
  });

  it('text over its field\'s limit is a bad row, and the error quotes only the start of it', async () => {
    const subject = 'x'.repeat(10 * 1024 * 1024);
    const r = await importWith(t.db, file('long.csv', `${HEADER}L1,2026-03-01 10:00,,,${subject},a\nL2,2026-03-01 10:00,,,ok,${'t'.repeat(150)}\n`), 'generic');
    expect(tickets()).toBe(0);
    expect(r.errors[0]).toMatchObject({ line: 2, column: 'subject', reason: '10,485,760 characters; at most 1,000' });
    expect(r.errors[0]!.value!.length).toBeLessThanOrEqual(201);
    expect(r.errors[1]).toMatchObject({ line: 3, column: 'tags', reason: 'a tag of 150 characters; tags are at most 100' });
  });
});

describe('a 422 from the import API', () => {
  const token = 'nonsense-token-0123456789';
  const post = (content: string | Buffer) => {
    const app = createApp({ store: t.store, config: t.config, adminToken: token });
    const body = new FormData();
    body.set('preset', 'generic');
    body.set('file', new File([typeof content === 'string' ? content : new Uint8Array(content)], 'bad.csv'));
    return app.request('/api/tickets/import', { method: 'POST', body, headers: { authorization: `Bearer ${token}` } });
  };

  it('lists the first 100 of 5,000 bad rows, cut short, and says how many more there are', async () => {
    const huge = 'y'.repeat(2_000);
    const rows = Array.from({ length: 5000 }, (_, i) => `B${i},not a date,,,${huge},a`);
    const res = await post(HEADER + rows.join('\n'));
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text.length).toBeLessThan(64 * 1024);
    const { error } = JSON.parse(text) as { error: { message: string; details: unknown[]; result: { errors: unknown[]; errorCount: number } } };
    expect(error.message).toBe('Nothing was imported: 10,000 errors were found in the file. The first 100 are listed; 9,900 more are not.');
    expect(error.details).toHaveLength(100);
    expect(error.result.errors).toHaveLength(100);
    expect(error.result.errorCount).toBe(10_000);
  });

  it('never quotes a megabyte column name or a file that is not UTF-8 back', async () => {
    const res = await post(`${'h'.repeat(2 * 1024 * 1024)},other\nv,w\n`);
    expect(res.status).toBe(422);
    expect((await res.text()).length).toBeLessThan(16 * 1024);
    const latin = await post(Buffer.from(`${HEADER}T1,2026-03-01 10:00,,,Caf\xe9,a\n`, 'latin1'));
    expect(latin.status).toBe(422);
    expect(((await latin.json()) as { error: { message: string } }).error.message).toMatch(/not UTF-8 text/);
  });
});
