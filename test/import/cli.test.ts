/** `kb import` end to end: the real command in a child process against a temp database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../db/sqlite/client.ts';
import { CALLCENTER_PROFILE, FIXTURES, REAL } from '../helpers/import.ts';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'kb-cli-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kb(args: string[], db: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', 'kb', '--', ...args], { env: { ...process.env, KB_DB: db }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const ticketCount = (db: string) => {
  const d = openDb(db);
  try {
    return d.$client.prepare('SELECT count(*) FROM tickets').pluck().get() as number;
  } finally {
    d.$client.close();
  }
};

describe('kb import', () => {
  it('imports with a preset and prints a summary; a second run changes nothing', async () => {
    const db = join(dir, 'a.sqlite');
    const first = await kb(['import', join(FIXTURES, 'zendesk.csv'), '--preset', 'zendesk', '--tz', 'Europe/Berlin'], db);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Imported: zendesk\.csv as source "zendesk"/);
    expect(first.stdout).toMatch(/imported\s+5\n/);
    expect(first.stdout).toMatch(/time\s+[\d.]+ s/);
    expect(first.stderr).not.toMatch(/Reading/); // no progress bar when stderr is not a terminal
    const second = await kb(['import', join(FIXTURES, 'zendesk.csv'), '--preset', 'zendesk', '--tz', 'Europe/Berlin', '--json'], db);
    expect(JSON.parse(second.stdout)).toMatchObject({ imported: 0, updated: 0, unchanged: 5 });
    // Both runs are in the import history, each saying who ran it from the command line.
    const d = openDb(db);
    try {
      const ranBy = d.$client.prepare('SELECT ran_by FROM imports ORDER BY id').pluck().all() as string[];
      expect(ranBy).toHaveLength(2);
      for (const who of ranBy) expect(who).toMatch(/^cli:[^@]+@.+/);
    } finally {
      d.$client.close();
    }
  });

  it('imports the real call log with the shipped profile', async () => {
    const db = join(dir, 'calls.sqlite');
    const r = await kb(['import', join(REAL, 'calls/anonymous_bank_callcenter_1999-02.tsv'), '--mapping', CALLCENTER_PROFILE, '--json'], db);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 33344, imported: 33344, errorCount: 0 });
  });

  it('exits non-zero, lists the bad rows and imports nothing', async () => {
    const db = join(dir, 'b.sqlite');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'external_id,created_at,replies\nA,2024-01-01,1\nB,yesterday,2\nC,2024-01-03,many\n');
    const r = await kb(['import', bad, '--preset', 'generic'], db);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Nothing imported');
    expect(r.stdout).toContain('line 3, column "created_at", value "yesterday": not a date');
    expect(r.stdout).toContain('line 4, column "replies", value "many": not a whole number');
    expect(ticketCount(db)).toBe(0);
  });

  it('--dry-run writes nothing; a file-level error exits non-zero with the reason', async () => {
    const db = join(dir, 'c.sqlite');
    const dry = await kb(['import', join(FIXTURES, 'freshdesk.csv'), '--preset', 'freshdesk', '--dry-run'], db);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Dry run \(nothing written\)[\s\S]*would import\s+4/);
    expect(ticketCount(db)).toBe(0);
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const r = await kb(['import', empty, '--preset', 'zendesk'], db);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('kb: The file is empty.');
    const none = await kb(['import', empty], db);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Give exactly one of --preset NAME or --mapping FILE.json.');
  });
});
