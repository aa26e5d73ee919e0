/**
 * Defect 5: an import is all or nothing across kill -9 too. A real `kb import` process is killed at several
 * moments of a 24,000-row file (half updates of existing tickets, half new); whoever opens the database next, or
 * the server already running on it, finds the tickets and the report rollups exactly as before, or, once the
 * import had committed, exactly as after. Before, a killed import left every chunk it had committed.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeZendeskCsv } from '../../bench/import-data.ts';
import { createApp } from '../../api/app.ts';
import { loadConfig } from '../../api/env.ts';
import { openMigratedDb } from '../../db/sqlite/migrate.ts';
import { sqliteStore } from '../../db/sqlite/store.ts';
import { prepareTempDir } from '../../db/shared/temp-files.ts';
import { importWith } from '../helpers/import.ts';
import { startServerProcess } from '../helpers/process.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const EXISTING = 12_000;
const ROWS = 24_000;
const TOKEN = 'crash-test-token-0123456789';
let dir: string;
let base: string;
let fileB: string;
let before: Snapshot;
let after: Snapshot;

interface Snapshot {
  tickets: string;
  report: string;
}

/** Tickets (with tags and import stamps unless `stamps` is false) and the tickets report over all their days. */
async function snapshot(file: string, stamps = true): Promise<Snapshot> {
  const db = openMigratedDb(file);
  try {
    const rows = db.$client
      .prepare(
        `SELECT t.*, (SELECT group_concat(tag, ' ') FROM (SELECT tag FROM ticket_tags WHERE ticket_id = t.id ORDER BY tag)) AS tags
         FROM tickets t ORDER BY source, external_id`,
      )
      .all() as Array<Record<string, unknown>>;
    const tickets = JSON.stringify(rows.map(({ id: _id, imported_at, ...rest }) => (stamps ? { ...rest, imported_at } : rest)));
    const app = createApp({ store: sqliteStore(db, loadConfig({ KB_DB: file })), config: loadConfig({ KB_DB: file }), adminToken: TOKEN });
    const res = await app.request('/api/reports/tickets?from=2024-01-01&to=2024-03-01&interval=week', { headers: { authorization: `Bearer ${TOKEN}` } });
    const { forecast: _f, ...report } = (await res.json()) as Record<string, unknown>;
    return { tickets, report: JSON.stringify(report) };
  } finally {
    db.$client.close();
  }
}

/** A copy of the base database in its own folder. */
function freshCopy(name: string): string {
  const d = join(dir, name);
  const file = join(d, 'kb.sqlite');
  rmSync(d, { recursive: true, force: true });
  // The base is closed (checkpointed): the file alone is the database.
  mkdirSync(d);
  copyFileSync(base, file);
  return file;
}

const count = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).pluck().get() as number | string | undefined;
  } finally {
    db.close();
  }
};

/** Runs `kb import` on fileB against `file` and kills it (-9) once `when` says so; resolves when it is dead. */
async function importAndKill(file: string, when: () => boolean): Promise<{ killed: boolean; stagingMode?: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/cli/main.ts', 'import', fileB, '--preset', 'zendesk'], {
    cwd: root,
    env: { ...process.env, KB_DB: file },
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));
  let stagingMode: number | undefined;
  while (!done) {
    const staging = existsSync(`${file}.tmp`) ? readdirSync(`${file}.tmp`).find((f) => f.startsWith('import-')) : undefined;
    if (staging) stagingMode ??= statSync(join(`${file}.tmp`, staging)).mode & 0o777;
    if (when()) {
      child.kill('SIGKILL');
      await exited;
      return { killed: true, stagingMode };
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  return { killed: false, stagingMode };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kb-crash-'));
  const fileA = join(dir, 'a.csv');
  fileB = join(dir, 'b.csv');
  await writeZendeskCsv(fileA, EXISTING);
  await writeZendeskCsv(fileB, ROWS);
  // The first half of B edits A's tickets (a field and a tag); the second half is new.
  const lines = readFileSync(fileB, 'utf8').split('\n');
  for (let i = 1; i <= EXISTING; i++) lines[i] = lines[i]!.replace(',Normal,', ',High,').replace(/,"?(billing|login|refund) /, ',$1-v2 ');
  writeFileSync(fileB, lines.join('\n'));

  base = join(dir, 'base.sqlite');
  const db = openMigratedDb(base);
  await importWith(db, fileA, 'zendesk');
  db.$client.close();
  // A report installs the ticket rollups' triggers, so the import and its undo keep them exact.
  before = await snapshot(base);

  const reference = freshCopy('reference');
  const ref = openMigratedDb(reference);
  await importWith(ref, fileB, 'zendesk');
  ref.$client.close();
  after = await snapshot(reference, false);
  expect(after.tickets).not.toBe(before.tickets);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kb import killed with -9', () => {
  const moments: Array<[string, (file: string) => () => boolean]> = [
    ['while it reads the file', () => {
      const t = Date.now();
      return () => Date.now() - t > 300;
    }],
    ['as it starts to write', (file) => () => count(file, "SELECT count(*) FROM imports WHERE status = 'running'") === 1],
    ['a third of the way through its new tickets', (file) => () => Number(count(file, 'SELECT count(*) FROM tickets')) > EXISTING + 4_000],
    ['with all but the last chunk written', (file) => () => Number(count(file, 'SELECT count(*) FROM tickets')) >= ROWS - 1_000],
  ];

  it.each(moments)('%s leaves the tickets and rollups exactly as before', async (name, condition) => {
    const file = freshCopy(name.replace(/\W+/g, '-'));
    const { killed, stagingMode } = await importAndKill(file, condition(file));
    expect(killed).toBe(true);
    // What it left: possibly part of the import, and its staging file (written 0600).
    if (stagingMode !== undefined) expect(stagingMode).toBe(0o600);
    const snap = await snapshot(file);
    expect(snap.tickets === before.tickets, 'tickets as before').toBe(true);
    expect(snap.report).toBe(before.report);
    expect(count(file, 'SELECT count(*) FROM ticket_import_undo')).toBe(0);
    expect(count(file, "SELECT count(*) FROM imports WHERE status = 'running'")).toBe(0);
    // The staging file a crash leaves is removed at the next start.
    prepareTempDir(`${file}.tmp`);
    expect(readdirSync(`${file}.tmp`).filter((f) => f.startsWith('import-'))).toEqual([]);
    // And the same import, run again, completes as if nothing had happened.
    const db = openMigratedDb(file);
    await importWith(db, fileB, 'zendesk');
    db.$client.close();
    expect((await snapshot(file, false)).tickets).toBe(after.tickets);
  }, 120_000);

  it('once it has committed leaves the tickets exactly as after', async () => {
    const file = freshCopy('committed');
    await importAndKill(file, () => count(file, "SELECT count(*) FROM imports WHERE status = 'ok'") === 2);
    const snap = await snapshot(file, false);
    expect(snap.tickets).toBe(after.tickets);
    expect(snap.report).toBe(after.report);
    expect(count(file, 'SELECT count(*) FROM ticket_import_undo')).toBe(0);
  }, 120_000);

  it('completes while a server on the same database takes a stream of events, and the events are all stored', async () => {
    const file = freshCopy('streamed');
    const server = await startServerProcess({ KB_DB: file, KB_ADMIN_TOKEN: TOKEN, KB_RATE_LIMIT: '100000', KB_RATE_LIMIT_PER_ADDRESS: '100000' });
    let acked = 0;
    let failed = 0;
    const post = (n: number) =>
      fetch(`${server.url}/api/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' },
        body: JSON.stringify({ type: 'view', pv: `pv-${n}`, path: '/' }),
      }).then((r) => (r.status === 202 ? acked++ : failed++));
    let n = 0;
    const stream = setInterval(() => void post(n++), 10);
    try {
      const { killed } = await importAndKill(file, () => false);
      expect(killed).toBe(false);
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      clearInterval(stream);
      await new Promise((r) => setTimeout(r, 500));
      server.child.kill('SIGKILL');
      await server.exited;
    }
    expect(count(file, "SELECT status FROM imports ORDER BY id DESC LIMIT 1")).toBe('ok');
    expect((await snapshot(file, false)).tickets).toBe(after.tickets);
    expect(failed).toBe(0);
    expect(count(file, 'SELECT count(*) FROM events')).toBe(acked);
  }, 120_000);

  it('is undone by a server already running on the database, without a restart', async () => {
    const file = freshCopy('served');
    const server = await startServerProcess({ KB_DB: file, KB_ADMIN_TOKEN: TOKEN });
    try {
      const total = async () =>
        ((await (await fetch(`${server.url}/api/reports/tickets?from=2024-01-01&to=2024-03-01`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { totals: { tickets: number } }).totals.tickets;
      expect(await total()).toBe(EXISTING);
      const { killed } = await importAndKill(file, () => Number(count(file, 'SELECT count(*) FROM tickets')) > EXISTING + 6_000);
      expect(killed).toBe(true);
      const deadline = Date.now() + 10_000;
      while ((await total()) !== EXISTING && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await total()).toBe(EXISTING);
      expect(count(file, "SELECT status FROM imports ORDER BY id DESC LIMIT 1")).toBe('interrupted');
    } finally {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    expect((await snapshot(file)).tickets === before.tickets).toBe(true);
  }, 120_000);
});
