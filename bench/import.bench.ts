/**
 * `kb import` on a generated 1,000,000-row Zendesk CSV against a plain csv-parse read of the same file, both as
 * child processes in the same run: rows per second and peak memory (max RSS from /usr/bin/time).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { writeZendeskCsv } from './import-data.ts';

// BENCH_IMPORT_ROWS: a smaller file while iterating (the published figures use 1,000,000).
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = join(root, 'bench', 'tmp');
const csv = join(tmp, `zendesk-${ROWS}.csv`);
const dbFile = join(tmp, 'import-bench.sqlite');

interface Run {
  seconds: number;
  maxRssMb: number;
  stdout: string;
}

/** Runs node with args under /usr/bin/time and returns wall time, peak RSS and stdout. */
function timed(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'KBTIME %M %e', process.execPath, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => {
      const m = /KBTIME (\d+) ([\d.]+)/.exec(stderr);
      if (code !== 0 || !m) return reject(new Error(`${args.join(' ')} failed (${code}): ${stderr.slice(-2000)}`));
      resolve({ maxRssMb: Number(m[1]) / 1024, seconds: Number(m[2]), stdout });
    });
  });
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export default async function importBench(): Promise<string> {
  mkdirSync(tmp, { recursive: true });
  if (!existsSync(csv)) {
    console.log(`Writing ${csv} (${fmt(ROWS)} rows)…`);
    await writeZendeskCsv(csv, ROWS);
  }
  const mb = statSync(csv).size / 1e6;

  // The machine is shared and its load swings; plain reads run between the imports and the fastest is the baseline,
  // so the shares below are conservative.
  const raws: Run[] = [];
  const plainRead = async () => {
    console.log('Plain csv-parse read…');
    raws.push(await timed(['--import', 'tsx', 'bench/csv-parse-read.ts', csv]));
  };
  await plainRead();
  const rawRows = (JSON.parse(raws[0]!.stdout) as { rows: number }).rows;

  for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  // Exactly what `npm run kb -- import` runs (see package.json), without npm in between.
  const kbArgs = ['--max-semi-space-size=8', '--import', 'tsx', 'bin/cli/main.ts', 'import', csv, '--preset', 'zendesk', '--json'];
  console.log('kb import --dry-run (read, map, validate, stage; no writes)…');
  const dry = await timed([...kbArgs, '--dry-run'], { KB_DB: dbFile });
  await plainRead();
  console.log('kb import (new database)…');
  const first = await timed(kbArgs, { KB_DB: dbFile });
  const result = JSON.parse(first.stdout) as { imported: number; rows: number; durationMs: number };
  if (result.imported !== ROWS) throw new Error(`kb import stored ${result.imported} of ${ROWS} rows`);
  await plainRead();

  console.log('kb import again (every row unchanged)…');
  const again = await timed(kbArgs, { KB_DB: dbFile });
  const second = JSON.parse(again.stdout) as { unchanged: number };
  if (second.unchanged !== ROWS) throw new Error(`re-import left ${second.unchanged} of ${ROWS} rows unchanged`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });

  // A running help center has served reports, which installs the ticket-rollup triggers: every stored
  // ticket then also updates its day, dimension and requester rollups. Measure that case too.
  console.log('kb import into a database whose ticket rollups are live…');
  const reportArgs = ['--import', 'tsx', 'bin/cli/main.ts', 'report', 'tickets', '--from', '2026-01-01', '--to', '2026-01-31', '--format', 'json'];
  await timed(reportArgs, { KB_DB: dbFile });
  const live = await timed(kbArgs, { KB_DB: dbFile });
  const liveResult = JSON.parse(live.stdout) as { imported: number };
  if (liveResult.imported !== ROWS) throw new Error(`kb import with live rollups stored ${liveResult.imported} of ${ROWS} rows`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  const raw = raws.reduce((a, b) => (b.seconds < a.seconds ? b : a));

  const rate = (r: Run, rows: number) => rows / r.seconds;
  const rawRate = rate(raw, rawRows);
  const row = (name: string, r: Run, rows: number) =>
    `| ${name} | ${r.seconds.toFixed(1)} s | ${fmt(rate(r, rows))} | ${((rate(r, rows) / rawRate) * 100).toFixed(0)}% | ${fmt(r.maxRssMb)} MB |`;
  return [
    `## Ticket import (\`kb import\`, ${fmt(ROWS)}-row Zendesk CSV)`,
    '',
    `File: ${fmt(ROWS)} tickets in the full Zendesk export header (42 columns), ${mb.toFixed(0)} MB. Wall-clock times of`,
    'whole child processes (Node start-up included), peak RSS from /usr/bin/time. Aim: import at least 50% of the',
    'plain parse rate, peak memory under 300 MB.',
    '',
    '| run | time | rows/s | share of plain parse | peak RSS |',
    '|---|---|---|---|---|',
    row(`plain csv-parse read (baseline: fastest of ${raws.map((r) => `${r.seconds.toFixed(1)} s`).join(', ')})`, raw, rawRows),
    row('`kb import --dry-run` (read, map, check, stage; no ticket writes)', dry, ROWS),
    row('`kb import --preset zendesk`, new database', first, ROWS),
    row('`kb import` of the same file again (all unchanged)', again, ROWS),
    row('`kb import`, new database with live ticket rollups (built by a report)', live, ROWS),
    '',
    'How it runs: a worker thread reads and parses the file (csv-parse, the same options as the baseline) and',
    'posts 256 records at a time as one JSON string with only the columns the profile reads; the main thread maps',
    'and checks them and stages them in a temporary SQLite file (file order, the tickets columns). When the main',
    'thread falls behind (4 messages waiting), the worker maps batches itself, so both cores share the work.',
    'Repeated ids are found by one index build at the end of staging. Only then (a bad row imports nothing) are',
    'the rows written, with SQL alone: the staging file is ATTACHed and each chunk of 5,000 rows is classified,',
    'inserted (`INSERT ... SELECT ... ON CONFLICT DO NOTHING`), updated and given its tags in one short',
    'transaction, so a server sharing the database waits one chunk at most.',
    '',
    `Aim: rate ${rate(first, ROWS) / rawRate >= 0.5 ? 'met' : 'not met'} (${((rate(first, ROWS) / rawRate) * 100).toFixed(0)}% of the plain`,
    `parse rate for a first import), memory ${[dry, first, again, live].every((r) => r.maxRssMb < 300) ? 'met in every run' : 'not met in every run'}.`,
    'Before (Nov 2026, one thread, per-row JS writes): first import 29%, dry run 43%, re-import 37%, live rollups 25%',
    'of the plain parse rate measured in the same run, peak RSS 223-245 MB.',
    '',
    'Where the time goes now (phase timings and CPU profiles of this file and a 200,000-row one, Nov 2026): the',
    "read phase takes about 1.1-1.3 times the plain read; the worker spends about 70% of its time in csv-parse, the",
    'main thread about a third each on staging inserts (~3 µs a row, better-sqlite3 binding 21 values) and mapping',
    '(dates, value maps, requester hashing), the rest on JSON decoding and GC; both threads are busy. The write phase',
    'is about 4 s for a million new tickets, all SQLite B-tree work: ticket tags ~45% (two tags a ticket, a table and',
    "two indexes each), tickets ~25%, commits and checkpoints ~20%, classification the rest; a re-import's write",
    'phase is ~1.8 s (comparing each row with its ticket and tags). The live-rollup run adds one rebuild of the',
    'ticket rollups from a million tickets (~6-7 s on one thread) after the write. Peak memory does not grow with the',
    'file: each thread holds a few messages of rows, the staging rows live on disk, and the reader thread is ended',
    'before the write phase.',
  ].join('\n');
}
