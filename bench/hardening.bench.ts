/**
 * Hardening figures (issue 12), each against a baseline measured in the same run:
 * (a) how long POST /api/events takes to be acknowledged while `kb import` writes 200,000 rows into the same
 *     database (and while a killed import is undone), against the same stream with no import;
 * (b) `kb backup` (VACUUM INTO) under a steady stream of events, against the same backup idle and against the
 *     SQLite online backup API it replaced, under the same stream.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { writeZendeskCsv } from './import-data.ts';
import { loadConfig } from '../api/env.ts';
import { openSqliteStore } from '../db/sqlite/store.ts';
import { loadPreset } from '../db/tickets/profiles.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const EXISTING = 100_000;
const ROWS = 200_000;
const RATE = 30;
const TOKEN = 'hardening-bench-token-0123456789';

interface Server {
  url: string;
  stop(): Promise<void>;
}

function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/start.ts'], { cwd: root, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const url = /Help center on (http:\/\/\S+)/.exec(out)?.[1];
      if (!url) return;
      child.removeAllListeners('exit');
      resolve({ url, stop: () => new Promise((done) => (child.once('exit', () => done()), child.kill('SIGKILL'))) });
    });
  });
}

/** Posts one event every 1000/RATE ms until stopped; each acknowledgement's latency is kept with when it was sent. */
function eventStream(url: string) {
  const samples: Array<{ at: number; ms: number; status: number }> = [];
  let n = 0;
  const timer = setInterval(() => {
    const at = performance.now();
    const body = JSON.stringify({ type: 'view', pv: `pv-${n++}`, path: '/articles/set-up-your-studio' });
    void fetch(`${url}/api/events`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' } })
      .then((r) => r.arrayBuffer().then(() => samples.push({ at, ms: performance.now() - at, status: r.status })))
      .catch(() => samples.push({ at, ms: Number.POSITIVE_INFINITY, status: 0 }));
  }, 1000 / RATE);
  return {
    samples,
    async stop() {
      clearInterval(timer);
      await new Promise((r) => setTimeout(r, 1500));
    },
  };
}

function stats(samples: Array<{ ms: number; status: number }>) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? NaN;
  return { n: ms.length, p50: q(0.5), p99: q(0.99), max: ms.at(-1) ?? NaN, bad: samples.filter((s) => s.status !== 202).length };
}

const f = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(ms < 10 ? 1 : 0)} ms` : 'no answer');

function run(args: string[], env: Record<string, string>): { done: Promise<number>; kill(): void } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/cli/main.ts', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: 'ignore' });
  return { done: new Promise((resolve) => child.once('exit', (code) => resolve(code ?? -1))), kill: () => child.kill('SIGKILL') };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

export default async function hardening(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kb-bench-hardening-'));
  const file = join(dir, 'kb.sqlite');
  const env = { KB_DB: file, KB_ADMIN_TOKEN: TOKEN, KB_RATE_LIMIT: '1000000', KB_RATE_LIMIT_PER_ADDRESS: '1000000' };
  try {
    const base = join(dir, 'base.csv');
    const big = join(dir, 'big.csv');
    await writeZendeskCsv(base, EXISTING);
    await writeZendeskCsv(big, ROWS);
    // The first half of the big file edits the existing tickets (a field and a tag); the second half is new.
    const lines = readFileSync(big, 'utf8').split('\n');
    for (let i = 1; i <= EXISTING; i++) lines[i] = lines[i]!.replace(',Normal,', ',High,').replace(/,(billing|login|refund) /, ',$1-v2 ');
    writeFileSync(big, lines.join('\n'));
    const config = loadConfig(env);
    const store = openSqliteStore(config);
    await store.tickets.importFile(base, { profile: loadPreset('zendesk'), profileLabel: 'preset zendesk' });
    // Live ticket rollups (a report sets them up): the import keeps them exact row by row.
    await store.reports.tickets({ from: '2024-01-01', to: '2024-01-02', interval: 'day', timeZone: 'UTC', slaFirstResponseMinutes: 240 });
    await store.admin.close();

    const server = await startServer(env);
    let section: string[];
    try {
      // (a) acknowledgements while importing
      const quiet = eventStream(server.url);
      await wait(8_000);
      await quiet.stop();
      const during = eventStream(server.url);
      const t0 = performance.now();
      const code = await run(['import', big, '--preset', 'zendesk'], env).done;
      const importSeconds = (performance.now() - t0) / 1000;
      await during.stop();
      const killed = eventStream(server.url);
      const k = run(['import', big, '--preset', 'zendesk', '--source', 'second'], env);
      // Killed once it has written for a while: half of what it will write is in the database, to be undone.
      const db = new Database(file, { readonly: true });
      const running = () => db.prepare("SELECT count(*) FROM imports WHERE status = 'running'").pluck().get() === 1;
      while (!running()) await wait(50);
      const written = () => db.prepare("SELECT count(*) FROM tickets WHERE source = 'second'").pluck().get() as number;
      while (written() < ROWS / 2) await wait(50);
      k.kill();
      await k.done;
      const undone = written();
      const k0 = performance.now();
      while (running() || written() > 0) await wait(50);
      const undoSeconds = (performance.now() - k0) / 1000;
      db.close();
      await wait(2_000);
      await killed.stop();
      const [a, b, c] = [stats(quiet.samples), stats(during.samples), stats(killed.samples)];

      // (b) backups
      const idleStart = performance.now();
      const idleCode = await run(['backup', join(dir, 'idle.sqlite')], env).done;
      const idleSeconds = (performance.now() - idleStart) / 1000;
      const load = eventStream(server.url);
      await wait(2_000);
      const busyStart = performance.now();
      const busyCode = await run(['backup', join(dir, 'busy.sqlite')], env).done;
      const busySeconds = (performance.now() - busyStart) / 1000;
      const copy = new Database(join(dir, 'busy.sqlite'), { readonly: true });
      const check = copy.pragma('integrity_check', { simple: true });
      const copied = copy.prepare('SELECT count(*) FROM tickets').pluck().get() as number;
      copy.close();
      // The method kb backup used before: SQLite's online backup API, which restarts whenever another connection writes.
      const old = new Database(file);
      const oldStart = performance.now();
      const oldLimit = Math.max(30, busySeconds * 10);
      let oldSeconds: number | undefined;
      await Promise.race([
        old.backup(join(dir, 'old.sqlite')).then(() => (oldSeconds = (performance.now() - oldStart) / 1000)),
        wait(oldLimit * 1000),
      ]);
      const oldNote = oldSeconds === undefined ? `had not finished after ${oldLimit.toFixed(0)} s (stopped)` : `${oldSeconds.toFixed(1)} s`;
      await load.stop();
      const d = stats(load.samples);
      section = [
        '## Hardening: ingest during an import, backups under load (issue 12)',
        '',
        `One server process (bin/start.ts) on a database of ${EXISTING.toLocaleString('en')} tickets with live ticket rollups; a client posts`,
        `${RATE} events a second (one per request) and times each acknowledgement. Load average before: ${loadavg().map((l) => l.toFixed(1)).join(', ')}.`,
        '',
        '| while the events arrive | events | p50 ack | p99 ack | slowest ack | not 202 |',
        '|---|---|---|---|---|---|',
        `| nothing else (baseline) | ${a.n} | ${f(a.p50)} | ${f(a.p99)} | ${f(a.max)} | ${a.bad} |`,
        `| \`kb import\` of ${ROWS.toLocaleString('en')} rows (half updates, half new) in another process, ${importSeconds.toFixed(1)} s, exit ${code} | ${b.n} | ${f(b.p50)} | ${f(b.p99)} | ${f(b.max)} | ${b.bad} |`,
        `| the same file under another source, killed (-9) with ${undone.toLocaleString('en')} of its tickets written, then undone by the server (${undoSeconds.toFixed(1)} s after the kill) | ${c.n} | ${f(c.p50)} | ${f(c.p99)} | ${f(c.max)} | ${c.bad} |`,
        '',
        'The import writes transactions sized to take about 150 ms, with the rollup triggers live and an undo journal, and',
        'beside a running server leaves the write lock free 110 ms after each (SQLite gives the lock to whoever asks first',
        'after a commit, and a writer kept waiting asks only every 100 ms). Before (this benchmark at 40c6028: deferred',
        '1,000-row transactions, no pause), the import exited 1 after 10.5 s (a transaction that reads, then writes,',
        'meets "database is locked" when the server commits in between), and acknowledgements waited up to 5.0 s',
        '(p99 4.9 s); earlier still, a big import rebuilt the rollups in one transaction at the end (6-7 s for a million',
        'tickets, bench/results/import.md), holding every event back that long.',
        '',
        '| backup | time | result |',
        '|---|---|---|',
        `| \`kb backup\` (VACUUM INTO), server idle (baseline) | ${idleSeconds.toFixed(1)} s | exit ${idleCode} |`,
        `| \`kb backup\` (VACUUM INTO), ${RATE} events/s arriving | ${busySeconds.toFixed(1)} s | exit ${busyCode}; integrity_check ${String(check)}; ${copied.toLocaleString('en')} tickets; acks p99 ${f(d.p99)}, slowest ${f(d.max)} |`,
        `| SQLite online backup API (what kb backup used before), same stream | ${oldNote} | restarts whenever the server commits |`,
      ];
      old.close();
    } finally {
      await server.stop();
    }
    return section.join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
