/** The import section of bench/pg.bench.ts: `kb import` into PostgreSQL against a plain parse of the same file. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeZendeskCsv } from '../import-data.ts';
import type { Cluster } from './pg-cluster.ts';
import { createDatabase, fmt, pgCheckout, root, SECRET, tmp, TOKEN } from './pg-bench-env.ts';

interface Run {
  seconds: number;
  maxRssMb: number;
  /** User + system CPU seconds of the process (all its threads). */
  cpuSeconds: number;
  stdout: string;
}

function timed(args: string[], env: Record<string, string> = {}, cwd = root): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'KBTIME %M %e %U %S', process.execPath, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => {
      const m = /KBTIME (\d+) ([\d.]+) ([\d.]+) ([\d.]+)/.exec(stderr);
      if (code !== 0 || !m) return reject(new Error(`${args.join(' ')} failed (${code}): ${stderr.slice(-2000)}`));
      resolve({ maxRssMb: Number(m[1]) / 1024, seconds: Number(m[2]), cpuSeconds: Number(m[3]) + Number(m[4]), stdout });
    });
  });
}

/**
 * `kb import` of the generated Zendesk file into a new PostgreSQL database, then again (every row unchanged), beside
 * the plain parse of the same file. With BENCH_IMPORT_BEFORE=<commit>, the same two imports run from a checkout of
 * that commit too (pgCheckout), into their own database, in the same run (before/after).
 */
export async function importSection(cluster: Cluster): Promise<string[]> {
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
  const csv = join(tmp, `zendesk-${rows}.csv`);
  mkdirSync(tmp, { recursive: true });
  if (!existsSync(csv)) await writeZendeskCsv(csv, rows);
  const kbArgs = ['--max-semi-space-size=8', '--import', 'tsx', 'bin/cli/main.ts', 'import', csv, '--preset', 'zendesk', '--json'];
  const plain: Run[] = [];
  const read = async () => plain.push(await timed(['--import', 'tsx', 'bench/csv-parse-read.ts', csv]));
  /** One import into the database `name` (made on the first), checked: every row new, or every row unchanged. */
  const importInto = async (name: string, cwd: string, again: boolean, live = false) => {
    const url = again ? cluster.url.replace(/\/postgres$/, `/${name}`) : await createDatabase(cluster, name);
    const env = { KB_DATABASE_URL: url, KB_SECRET: SECRET, KB_ADMIN_TOKEN: TOKEN };
    // `kb migrate` builds the (empty) ticket rollups, as a server's start does: the import then keeps them.
    if (live) await timed(['--import', 'tsx', 'bin/cli/main.ts', 'migrate'], env, cwd);
    console.log(`kb import into PostgreSQL (${name}, ${again ? 'every row unchanged' : live ? 'new database, live rollups' : 'new database'})…`);
    const run = await timed(kbArgs, env, cwd);
    const r = JSON.parse(run.stdout) as { imported: number; unchanged: number };
    if ((again ? r.unchanged : r.imported) !== rows) throw new Error(`kb import (${name}): ${run.stdout.slice(0, 300)}`);
    return run;
  };
  const beforeCommit = process.env.BENCH_IMPORT_BEFORE?.slice(0, 7);
  const beforeRoot = beforeCommit ? pgCheckout(process.env.BENCH_IMPORT_BEFORE!) : undefined;
  if (beforeCommit && !beforeRoot) throw new Error(`No checkout of ${process.env.BENCH_IMPORT_BEFORE} (BENCH_IMPORT_BEFORE)`);
  // Before and after take turns (new databases, then the imports again), so a neighbour's load, or PostgreSQL's
  // autovacuum after a million new rows, falls on both alike.
  await read();
  const beforeFirst = beforeRoot ? await importInto('import_before', beforeRoot, false) : undefined;
  const nowFirst = await importInto('import', root, false);
  await read();
  const beforeAgain = beforeRoot ? await importInto('import_before', beforeRoot, true) : undefined;
  const nowAgain = await importInto('import', root, true);
  await read();
  const nowLive = await importInto('import_live', root, false, true);
  const before = beforeFirst && beforeAgain ? { first: beforeFirst, again: beforeAgain } : undefined;
  const now = { first: nowFirst, again: nowAgain };
  const base = plain.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const rawRows = (JSON.parse(base.stdout) as { rows: number }).rows;
  const rate = (r: Run) => rows / r.seconds;
  const share = (r: Run) => rate(r) / (rawRows / base.seconds);
  const line = (name: string, r: Run) =>
    `| ${name} | ${r.seconds.toFixed(1)} s | ${fmt(rate(r))} | ${(share(r) * 100).toFixed(0)}% | ${fmt(r.maxRssMb)} MB | ${r.cpuSeconds.toFixed(1)} s |`;
  const met = share(now.first) >= 0.5 && [now.first, now.again].every((r) => r.maxRssMb < 300);
  return [
    `### Ticket import into PostgreSQL (\`kb import\`, ${fmt(rows)}-row Zendesk CSV, ${(statSync(csv).size / 1e6).toFixed(0)} MB)`,
    '',
    'Whole child processes (Node start-up included) running what `npm run kb -- import` runs (the `kb` bin starts the same); peak RSS',
    'and CPU (user + system, every thread of the process; not PostgreSQL\'s) from /usr/bin/time. The plain csv-parse read of the same file runs before',
    `and after each pair of imports (${plain.length} reads: ${plain.map((r) => `${r.seconds.toFixed(1)} s`).join(', ')}) and the fastest is the baseline. PostgreSQL with fsync on.`,
    'The import streams its checked rows into one transaction while the file is read, 20,000 rows a chunk, while the node reads and',
    'maps the next chunk: a new source\'s rows are copied straight into tickets and ticket_tags (ids drawn on the node); a source',
    'that has tickets already is copied into a temporary table and compared (new tickets inserted, changed ones updated).',
    '',
    '| run | time | rows/s | share of plain parse | peak RSS | CPU of the process |',
    '|---|---|---|---|---|---|',
    line('plain csv-parse read (baseline)', base),
    ...(before
      ? [line(`kb import, new PostgreSQL database, before (${beforeCommit})`, before.first), line(`kb import again, every row unchanged, before (${beforeCommit})`, before.again)]
      : []),
    line('kb import, new PostgreSQL database', now.first),
    line('kb import again, every row unchanged', now.again),
    line('kb import, new database with live ticket rollups (after `kb migrate`, as a running server keeps them)', nowLive),
    '',
    `Aim (at least 50% of the plain parse rate, peak RSS under 300 MB): ${met ? 'met' : 'not met'}.`,
    'The live-rollups run is outside the aim, as on SQLite (bench/results/import.md): after the rows, the same transaction adds a',
    'million tickets to the ticket rollups, about half of that recomputing the requesters\' previous-day chains (a million new rows).',
  ];
}
