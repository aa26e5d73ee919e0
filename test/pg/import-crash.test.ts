/**
 * Issue 12 defect 5 on PostgreSQL: an import is all or nothing across kill -9 too. A real `kb import` process
 * (KB_DATABASE_URL set) is killed at several moments of a 16,000-row file (half updates of existing tickets, half
 * new); the tickets, their tags, the ticket rollups and the import history are exactly as before, or, once it
 * committed, exactly as after. A node on the same database keeps acknowledging events while an import publishes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeZendeskCsv } from '../../bench/import-data.ts';
import { openPg } from '../../db/pg/client.ts';
import { ensurePgTicketRollups } from '../../db/pg/tickets/rollups.ts';
import { prepareTempDir } from '../../db/shared/temp-files.ts';
import { startServerProcess } from '../helpers/process.ts';
import { databaseUrl, NO_PG, pgTestUrl, tempPg } from '../helpers/pg.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const EXISTING = 8_000;
const ROWS = 16_000;
const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';

/** Everything an import may change, ids and import times left out (each run's own): tickets with tags, rollups, history. */
async function snapshot(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tickets = await sql`
      SELECT t.source, t.external_id, t.created_at, t.first_response_at, t.solved_at, t.status, t.channel, t.type, t.priority,
             t.subject, t.requester, t.assignee, t."group", t.replies, t.reopens, t.csat,
             (SELECT string_agg(tag, ' ' ORDER BY tag COLLATE "C") FROM ticket_tags g WHERE g.ticket_id = t.id) AS tags
      FROM tickets t ORDER BY t.source, t.external_id`;
    const days = await sql`SELECT * FROM ticket_days WHERE tickets != 0 ORDER BY day`;
    const dims = await sql`SELECT * FROM ticket_day_dims WHERE tickets != 0 ORDER BY dim, day, value`;
    const imports = await sql`SELECT source, file_name, status, rows, imported, updated, unchanged FROM imports ORDER BY id`;
    return JSON.stringify({ tickets, days, dims, imports });
  } finally {
    await sql.end();
  }
}

describe.skipIf(!pgTestUrl)(`kb import on PostgreSQL killed with -9${pgTestUrl ? '' : ` (skipped: ${NO_PG})`}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-pg-crash-'));
  const fileB = join(dir, 'b.csv');
  const copies: string[] = [];
  let admin: postgres.Sql;
  let baseName: string;
  let before: string;
  let after: string;

  /** A new database holding the base (8,000 tickets, live rollups); its URL. */
  async function freshCopy(): Promise<string> {
    const name = `${baseName}_c${copies.length}`;
    copies.push(name);
    await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${baseName}"`);
    return databaseUrl(pgTestUrl!, name);
  }

  /** Runs `kb import` of fileB into `url`, staging beside `kbDb`, and kills it (-9) once `when` says so. */
  async function importAndKill(url: string, kbDb: string, when: () => Promise<boolean>) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bin/cli/main.ts', 'import', fileB, '--preset', 'zendesk'], {
      cwd: root,
      env: { ...process.env, KB_DATABASE_URL: url, KB_DB: kbDb, KB_TZ: 'UTC' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let done = false;
    void exited.then(() => (done = true));
    let stagingMode: number | undefined;
    while (!done) {
      const tmp = `${kbDb}.tmp`;
      const staging = existsSync(tmp) ? readdirSync(tmp).find((f) => f.startsWith('import-')) : undefined;
      if (staging) stagingMode ??= statSync(join(tmp, staging)).mode & 0o777;
      if (await when()) {
        child.kill('SIGKILL');
        await exited;
        return { killed: true, stagingMode, code: null };
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    return { killed: false, stagingMode, code: await exited };
  }

  /** True while the import's connection is in a transaction whose current statement matches `pattern`. */
  const publishing = (url: string, pattern: string) => {
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    const check = async () => {
      const [{ n }] = await sql<[{ n: number }]>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND query ~* ${pattern}`;
      return n > 0;
    };
    return { check, close: () => sql.end() };
  };

  beforeAll(async () => {
    admin = postgres(pgTestUrl!, { max: 1, onnotice: () => {} });
    const fileA = join(dir, 'a.csv');
    await writeZendeskCsv(fileA, EXISTING);
    await writeZendeskCsv(fileB, ROWS);
    // The first half of B edits A's tickets (a field and a tag); the second half is new.
    const lines = readFileSync(fileB, 'utf8').split('\n');
    for (let i = 1; i <= EXISTING; i++) lines[i] = lines[i]!.replace(',Normal,', ',High,').replace(/,"?(billing|login|refund) /, ',$1-v2 ');
    writeFileSync(fileB, lines.join('\n'));

    const base = await tempPg({ KB_TZ: 'UTC' });
    baseName = base.name;
    // Live ticket rollups, as once a report was asked for: the import must leave them exact too.
    await ensurePgTicketRollups(base.db, 'UTC');
    await base.db.$client.end();
    const seed = spawn(process.execPath, ['--import', 'tsx', 'bin/cli/main.ts', 'import', fileA, '--preset', 'zendesk'], {
      cwd: root,
      env: { ...process.env, KB_DATABASE_URL: base.url, KB_DB: join(dir, 'seed.sqlite'), KB_TZ: 'UTC' },
      stdio: 'ignore',
    });
    expect(await new Promise((resolve) => seed.once('exit', resolve))).toBe(0);
    before = await snapshot(base.url);

    const reference = await freshCopy();
    const ref = await importAndKill(reference, join(dir, 'ref.sqlite'), async () => false);
    expect(ref.code).toBe(0);
    after = await snapshot(reference);
    expect(after).not.toBe(before);
  }, 180_000);

  afterAll(async () => {
    for (const name of [...copies, baseName]) if (name) await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin?.end();
    rmSync(dir, { recursive: true, force: true });
  });

  const moments: Array<[string, string | number]> = [
    ['while it reads the file', 300],
    ['as it copies the staged rows in', 'COPY kb_stage'],
    ['with the new tickets written, before its commit', 'kb_new|ticket_day|INSERT INTO imports'],
  ];

  it.each(moments)('%s leaves the tickets, rollups and import history exactly as before', async (name, moment) => {
    const url = await freshCopy();
    const kbDb = join(dir, `${name.replace(/\W+/g, '-')}.sqlite`);
    const probe = publishing(url, typeof moment === 'string' ? moment : '^$');
    const started = Date.now();
    const { killed, stagingMode } = await importAndKill(url, kbDb, typeof moment === 'number' ? async () => Date.now() - started > moment : probe.check);
    await probe.close();
    expect(killed).toBe(true);
    if (stagingMode !== undefined) expect(stagingMode).toBe(0o600);
    // PostgreSQL rolls back the dead connection's transaction; wait until it has gone.
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    await expect.poll(async () => (await sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)[0]!.n, { timeout: 10_000 }).toBe(0);
    await sql.end();
    expect(await snapshot(url)).toBe(before);
    // The staging file a crash leaves is removed at the next start.
    prepareTempDir(`${kbDb}.tmp`);
    expect(readdirSync(`${kbDb}.tmp`).filter((f) => f.startsWith('import-'))).toEqual([]);
    // And the same import, run again, completes as if nothing had happened.
    const again = await importAndKill(url, kbDb, async () => false);
    expect(again.code).toBe(0);
    expect(await snapshot(url)).toBe(after);
  }, 120_000);

  it('leaves a node on the same database acknowledging every event while it publishes, and each one is stored', async () => {
    const url = await freshCopy();
    const node = await startServerProcess({ KB_DATABASE_URL: url, KB_SECRET: 'c'.repeat(40), KB_ADMIN_TOKEN: 'pg-crash-test-token-0123', KB_TZ: 'UTC', KB_RATE_LIMIT: '100000', KB_RATE_LIMIT_PER_ADDRESS: '100000' });
    let acked = 0;
    let failed = 0;
    let slowest = 0;
    let n = 0;
    const post = async (i: number) => {
      const sent = performance.now();
      try {
        const res = await fetch(`${node.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': UA }, body: JSON.stringify({ type: 'view', pv: `pg-crash-${i}`, path: '/' }) });
        await res.arrayBuffer();
        if (res.status === 202) acked++;
        else failed++;
      } catch {
        failed++;
      }
      slowest = Math.max(slowest, performance.now() - sent);
    };
    const pending: Promise<void>[] = [];
    const stream = setInterval(() => pending.push(post(n++)), 10);
    try {
      const { code } = await importAndKill(url, join(dir, 'streamed.sqlite'), async () => false);
      expect(code).toBe(0);
    } finally {
      clearInterval(stream);
      await Promise.all(pending);
      node.child.kill('SIGTERM');
      await node.exited;
    }
    console.log(`pg import beside a node: ${acked} events acknowledged, slowest ${slowest.toFixed(0)} ms`);
    expect(failed).toBe(0);
    expect(acked).toBeGreaterThan(100);
    const db = openPg(url, { max: 1 });
    const [{ stored }] = await db.$client<[{ stored: number }]>`SELECT count(*)::int AS stored FROM events WHERE pv LIKE 'pg-crash-%'`;
    await db.$client.end();
    expect(stored).toBe(acked);
    const snap = JSON.parse(await snapshot(url)) as { tickets: unknown };
    expect(snap.tickets).toEqual((JSON.parse(after) as { tickets: unknown }).tickets);
  }, 120_000);
});
