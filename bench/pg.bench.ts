/**
 * PostgreSQL against the SQLite node, one run, one machine (issue 14's aims):
 * - ingest: the SQLite node, one PostgreSQL node and two PostgreSQL nodes under the same load: events/s, p99, and
 *   CPU per acknowledged event counting the nodes' and PostgreSQL's processes; acknowledged = stored;
 * - reports on 5M events and 500k tickets copied into PostgreSQL: median per report, equal to SQLite's answers;
 * - `kb import` of the 1M-row Zendesk file into PostgreSQL against a plain parse of it, with peak RSS.
 * PostgreSQL runs in its own throwaway cluster with its durable defaults (fsync on, synchronous_commit on).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type autocannon from 'autocannon';
import postgres from 'postgres';
import { createApp } from '../api/app.ts';
import { loadConfig } from '../api/env.ts';
import { openStore } from '../db/open-store.ts';
import { openDb } from '../db/sqlite/client.ts';
import { migrateDb } from '../db/sqlite/migrate.ts';
import { copySqliteToPg } from '../db/pg/copy.ts';
import { openPgDatabase } from '../db/pg/open.ts';
import type { Store } from '../db/store.ts';
import { startCluster, type Cluster } from './lib/pg-cluster.ts';
import { startChild, type Child } from './servers/child.ts';
import { load } from './ingest.bench.ts';
import { benchCatalog, EVENTS, RANGE, ZONE } from './reports.bench.ts';
import { createDatabase, fmt, pgCheckout, root, SECRET, tmp, TOKEN } from './lib/pg-bench-env.ts';
import { importSection } from './lib/pg-import-section.ts';
import { pacedLoad } from './lib/paced-load.ts';
import { stealSeconds } from './lib/host-steal.ts';

type Result = autocannon.Result;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Alternating rounds: the machine's load drifts, so each round's ratio is kept and the median reported beside the total. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
/**
 * The saturating load's connections, split over a setup's nodes. Enough that every setup is busy: at 50, a PostgreSQL
 * node's clients spent most of their time waiting for its commits while the node idled (two nodes took fewer events/s
 * than one), and the ratio measured those idle wake-ups on 2 shared cores rather than the work an event costs.
 */
const CONNECTIONS = Number(process.env.BENCH_PG_CONNECTIONS ?? 200);

async function countEvents(url: string): Promise<number> {
  const sql = postgres(url, { max: 1 });
  const [{ n }] = await sql<[{ n: string }]>`SELECT count(*) AS n FROM events`;
  await sql.end();
  return Number(n);
}

interface Setup {
  name: string;
  nodes: Child[];
  /** Rows stored when the run is over. */
  stored: () => Promise<number>;
  /** PostgreSQL: the database whose rollup queue must be empty before the CPU is read (see settled()). */
  url?: string;
  cpuUs: number;
  pgCpuUs: number;
  acked: number;
  runs: Result[][];
  /** Each round's total CPU (node + PostgreSQL) per acknowledged event, µs. */
  perRound: number[];
  /** Seconds the host stole from the machine's CPUs during its measured runs, and those runs' seconds. */
  steal: { stolen: number; seconds: number };
  /** The same, under the steady load (pacedLoad), for the setups measured under it. */
  paced?: { cpuUs: number; pgCpuUs: number; acked: number; errors: number; errorKinds: Record<string, number>; resent: number; p99: number; perRound: number[]; steal: { stolen: number; seconds: number } };
}

/**
 * Waits until the rollups have counted the setup's events, so its CPU includes that work and the next setup's does
 * not (PostgreSQL's applier drains a run's queue in the second after it; SQLite's applies every 250 ms).
 */
async function settled(setup: Setup): Promise<void> {
  if (!setup.url) return void (await new Promise((r) => setTimeout(r, 750)));
  const sql = postgres(setup.url, { max: 1, onnotice: () => {} });
  try {
    // A "before" checkout older than migration 0007 queues events one row each in rollup_queue.
    const [{ table }] = await sql<[{ table: string }]>`SELECT coalesce(to_regclass('rollup_batches'), to_regclass('rollup_queue'))::text AS table`;
    for (let i = 0; i < 300; i++) {
      const [{ n }] = await sql.unsafe<[{ n: string }]>(`SELECT count(*) AS n FROM ${table}`);
      if (Number(n) === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await sql.end();
  }
}

/**
 * Runs `work` on the setup's nodes and waits until its rollups are applied; returns its results and the CPU the nodes
 * and (for PostgreSQL setups) the cluster spent meanwhile, µs.
 */
async function withCpu<R>(setup: Setup, cluster: Cluster, usesPg: boolean, work: (node: Child) => Promise<R>, steal: Setup['steal']) {
  const before = await Promise.all(setup.nodes.map((n) => n.cpu()));
  const pgBefore = cluster.cpuSeconds();
  const [stealBefore, t0] = [stealSeconds(), performance.now()];
  const results = await Promise.all(setup.nodes.map(work));
  await settled(setup);
  steal.stolen += stealSeconds() - stealBefore;
  steal.seconds += (performance.now() - t0) / 1000;
  const after = await Promise.all(setup.nodes.map((n) => n.cpu()));
  const pgUs = usesPg ? (cluster.cpuSeconds() - pgBefore) * 1e6 : 0;
  const nodeUs = after.reduce((s, a, i) => s + a.cpuUs - before[i]!.cpuUs, 0);
  return { results, nodeUs, pgUs };
}

/** A setup's tallies before its first run. */
const unmeasured = () => ({ cpuUs: 0, pgCpuUs: 0, acked: 0, runs: [] as Result[][], perRound: [] as number[], steal: { stolen: 0, seconds: 0 } });

/** The share of the CPUs' time the host stole during a setup's runs. */
const stolenShare = ({ stolen, seconds }: Setup['steal']) => `${((stolen / (seconds * cpus().length)) * 100).toFixed(0)}%`;

/** One measured run: the same CONNECTIONS, split over the setup's nodes, until its rollups are applied. */
async function measure(setup: Setup, cluster: Cluster, usesPg: boolean): Promise<void> {
  const per = Math.floor(CONNECTIONS / setup.nodes.length);
  const { results, nodeUs, pgUs } = await withCpu(setup, cluster, usesPg, (n) => load(n.url, SECONDS, per), setup.steal);
  const acked = results.reduce((s, r) => s + r['2xx'], 0);
  setup.cpuUs += nodeUs;
  setup.pgCpuUs += pgUs;
  setup.acked += acked;
  setup.perRound.push((nodeUs + pgUs) / Math.max(acked, 1));
  setup.runs.push(results);
}

/** One run under the steady load: `rate` events/s in all, split over the setup's nodes, until its rollups are applied. */
async function measurePaced(setup: Setup, cluster: Cluster, usesPg: boolean, rate: number): Promise<void> {
  const tally = (setup.paced ??= { cpuUs: 0, pgCpuUs: 0, acked: 0, errors: 0, errorKinds: {}, resent: 0, p99: 0, perRound: [], steal: { stolen: 0, seconds: 0 } });
  const perNode = Math.round(rate / setup.nodes.length);
  const { results, nodeUs, pgUs } = await withCpu(setup, cluster, usesPg, (n) => pacedLoad(n.url, SECONDS, perNode), tally.steal);
  const acked = results.reduce((s, r) => s + r.acknowledged, 0);
  tally.cpuUs += nodeUs;
  tally.pgCpuUs += pgUs;
  tally.acked += acked;
  tally.errors += results.reduce((s, r) => s + r.errors, 0);
  tally.resent += results.reduce((s, r) => s + r.resent, 0);
  for (const r of results) for (const [kind, n] of Object.entries(r.errorKinds)) tally.errorKinds[kind] = (tally.errorKinds[kind] ?? 0) + n;
  tally.p99 = Math.max(tally.p99, ...results.map((r) => r.p99));
  tally.perRound.push((nodeUs + pgUs) / Math.max(acked, 1));
}

async function ingestSection(cluster: Cluster): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kb-bench-pg-'));
  try {
    const sqliteFile = join(dir, 'kb.sqlite');
    const one = await createDatabase(cluster, 'ingest_one');
    const two = await createDatabase(cluster, 'ingest_two');
    const common = { KB_TRUST_PROXY: '1', KB_ADMIN_TOKEN: TOKEN };
    const pgEnv = (url: string) => ({ ...common, KB_DATABASE_URL: url, KB_SECRET: SECRET });
    const started: Child[] = [];
    const start = async (...args: Parameters<typeof startChild>) => {
      try {
        const c = await startChild(...args);
        started.push(c);
        return c;
      } catch (err) {
        for (const c of started) await c.stop();
        throw err;
      }
    };
    const sqliteNode = await start('bench/servers/ingest-server.ts', { ...common, KB_DB: sqliteFile });
    // The SQLite node as it was before this work (the session's starting commit), for "not slower".
    const base = baseCheckout();
    const baseFile = join(dir, 'base.sqlite');
    const baseNode = base ? await start('bench/servers/ingest-server.ts', { ...common, KB_DB: baseFile }, base) : undefined;
    const pgOne = await start('bench/servers/ingest-server.ts', pgEnv(one));
    const pgTwo = [await start('bench/servers/ingest-server.ts', pgEnv(two)), await start('bench/servers/ingest-server.ts', pgEnv(two))];
    // PostgreSQL nodes of an earlier commit beside today's, same run (BENCH_PG_BEFORE=<commit>): a change's before and after.
    const pgBefore = process.env.BENCH_PG_BEFORE ? pgCheckout(process.env.BENCH_PG_BEFORE) : undefined;
    const pgBeforeSetups: Setup[] = [];
    if (pgBefore) {
      const [oneBefore, twoBefore] = [await createDatabase(cluster, 'ingest_one_before'), await createDatabase(cluster, 'ingest_two_before')];
      const label = `before (${process.env.BENCH_PG_BEFORE!.slice(0, 7)})`;
      const nodeOne = await start('bench/servers/ingest-server.ts', pgEnv(oneBefore), pgBefore);
      const nodesTwo = [await start('bench/servers/ingest-server.ts', pgEnv(twoBefore), pgBefore), await start('bench/servers/ingest-server.ts', pgEnv(twoBefore), pgBefore)];
      pgBeforeSetups.push(
        { name: `PostgreSQL, one node, ${label}`, nodes: [nodeOne], stored: () => countEvents(oneBefore), url: oneBefore, ...unmeasured() },
        { name: `PostgreSQL, two nodes, ${label}`, nodes: nodesTwo, stored: () => countEvents(twoBefore), url: twoBefore, ...unmeasured() },
      );
    }
    const setups: Setup[] = [
      ...(baseNode
        ? [{ name: `SQLite, one node, before (${BASE_COMMIT.slice(0, 7)})`, nodes: [baseNode], stored: async () => sqliteCount(baseFile), ...unmeasured() }]
        : []),
      { name: 'SQLite, one node', nodes: [sqliteNode], stored: async () => sqliteCount(sqliteFile), ...unmeasured() },
      ...pgBeforeSetups.slice(0, 1),
      { name: 'PostgreSQL, one node', nodes: [pgOne], stored: () => countEvents(one), url: one, ...unmeasured() },
      ...pgBeforeSetups.slice(1),
      { name: 'PostgreSQL, two nodes', nodes: pgTwo, stored: () => countEvents(two), url: two, ...unmeasured() },
    ];
    for (const s of setups) {
      await Promise.all(s.nodes.map((n) => load(n.url, 3, Math.floor(CONNECTIONS / s.nodes.length)))); // warm-up, discarded
      await settled(s);
    }
    for (let i = 0; i < ROUNDS; i++) for (const s of setups) await measure(s, cluster, s.name.startsWith('PostgreSQL'));
    // Then the same setups (today's) under a steady load of half what the slowest of them took saturated: below
    // saturation for all, so the CPU per event is the work an event costs rather than the processes' fight for 2 cores.
    const today = setups.filter((s) => !s.name.includes('before'));
    const saturatedRate = (s: Setup) => s.acked / (s.runs.length * SECONDS);
    const steadyRate = Math.max(100, Math.floor(Math.min(...today.map(saturatedRate)) / 2 / 100) * 100);
    for (let i = 0; i < ROUNDS; i++) for (const s of today) await measurePaced(s, cluster, s.name.startsWith('PostgreSQL'), steadyRate);
    const acknowledged: number[] = [];
    for (const s of setups) {
      let total = 0;
      for (const n of s.nodes) total += Number(/ACKNOWLEDGED (\d+)/.exec(await n.stop())?.[1] ?? NaN);
      acknowledged.push(total);
    }
    const stored = await Promise.all(setups.map((s) => s.stored()));
    const cpuPer = (s: Setup) => (s.cpuUs + s.pgCpuUs) / Math.max(s.acked, 1);
    const sqliteSetup = setups.find((s) => s.name === 'SQLite, one node')!;
    const sqliteCpu = cpuPer(sqliteSetup);
    // Each round's ratio against the SQLite node's figure of the same round (the load drifts between rounds).
    const roundRatios = (s: Setup) => s.perRound.map((us, i) => us / sqliteSetup.perRound[i]!);
    const rows = setups.map((s, k) => {
      const reqs = s.runs.map((r) => r.reduce((sum, x) => sum + x.requests.average, 0));
      const p99 = Math.max(...s.runs.flat().map((r) => r.latency.p99));
      const errors = s.runs.flat().reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0);
      return `| ${s.name} | ${fmt(reqs.reduce((a, b) => a + b, 0) / reqs.length)} | ${p99} ms | ${(s.cpuUs / s.acked).toFixed(0)} µs | ${(s.pgCpuUs / s.acked).toFixed(0)} µs | ${cpuPer(s).toFixed(0)} µs (${(cpuPer(s) / sqliteCpu).toFixed(2)}×) | ${median(roundRatios(s)).toFixed(2)}× (${Math.min(...roundRatios(s)).toFixed(2)}-${Math.max(...roundRatios(s)).toFixed(2)}) | ${errors} | ${fmt(acknowledged[k]!)} / ${fmt(stored[k]!)} ${acknowledged[k] === stored[k] ? '(equal)' : '(NOT EQUAL)'} | ${stolenShare(s.steal)} |`;
    });
    const current = setups.filter((s) => s.name.startsWith('PostgreSQL') && !s.name.includes('before'));
    const worst = Math.max(...current.map((s) => cpuPer(s) / sqliteCpu));
    const worstMedian = Math.max(...current.map((s) => median(roundRatios(s))));
    const before = setups.find((s) => s.name.startsWith('SQLite') && s.name.includes('before'));
    const steadyPer = (s: Setup) => (s.paced!.cpuUs + s.paced!.pgCpuUs) / Math.max(s.paced!.acked, 1);
    const steadyRatios = (s: Setup) => s.paced!.perRound.map((us, i) => us / sqliteSetup.paced!.perRound[i]!);
    const steadyRows = today.map((s) => {
      const p = s.paced!;
      return `| ${s.name} | ${fmt(p.acked / (ROUNDS * SECONDS))} | ${p.p99} ms | ${(p.cpuUs / p.acked).toFixed(0)} µs | ${(p.pgCpuUs / p.acked).toFixed(0)} µs | ${steadyPer(s).toFixed(0)} µs (${(steadyPer(s) / steadyPer(sqliteSetup)).toFixed(2)}×) | ${median(steadyRatios(s)).toFixed(2)}× (${Math.min(...steadyRatios(s)).toFixed(2)}-${Math.max(...steadyRatios(s)).toFixed(2)}) | ${p.errors}${p.errors ? ` (${Object.entries(p.errorKinds).map(([k, n]) => `${k}: ${n}`).join(', ')})` : ''}${p.resent ? ` (${p.resent} sent again)` : ''} | ${stolenShare(p.steal)} |`;
    });
    const steadyPg = today.filter((s) => s.name.startsWith('PostgreSQL'));
    const steadyWorst = Math.max(...steadyPg.map((s) => steadyPer(s) / steadyPer(sqliteSetup)));
    const steadyWorstMedian = Math.max(...steadyPg.map((s) => median(steadyRatios(s))));
    const verdict = (all: number, med: number) => `${all <= 2 && med <= 2 ? 'met' : 'not met'} (worst ${all.toFixed(2)}× over all rounds, ${med.toFixed(2)}× as the median of rounds)`;
    return [
      '### Ingest: POST /api/events on PostgreSQL against the SQLite node',
      '',
      `autocannon, ${CONNECTIONS} connections (split evenly over the nodes; enough that every setup is busy), ${SECONDS} s per run, ${ROUNDS} alternating rounds after a 3 s warm-up (each round's ratio is to the SQLite node's figure of that round); realistic`,
      'single-event beacons from 20,000 visitors (bench/traffic.ts). Nodes are bench/servers/ingest-server.ts child processes (the real',
      'runtime and app); node CPU from process.cpuUsage, PostgreSQL CPU from /proc (the postmaster, every process it runs, and those that ended), both over the measured',
      'runs and until the run\'s events are in the rollups, divided by the 202s autocannon saw. PostgreSQL: fsync and synchronous_commit on (a 202 waits for the WAL flush; the SQLite node',
      'runs WAL with synchronous=NORMAL, which survives a process crash but does not flush per commit). Host steal: the share of the',
      'CPUs\' time the hypervisor gave other guests during the setup\'s runs (/proc/stat); the machine is a shared VM, and its',
      'processes spend more CPU per event while the host takes time from it.',
      '',
      '| setup | events/s | p99 | node CPU / event | PostgreSQL CPU / event | total CPU / acknowledged event | ratio by round: median (range) | errors + non-2xx | acknowledged / stored (each node\'s runs under both loads) | host steal |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      `The same setups (today's) under a steady load: ${fmt(steadyRate)} events/s in all (half the slowest setup's saturated rate above, split over the`,
      `nodes), sent on an even schedule whatever the answers' latency (bench/lib/paced-load.ts), ${ROUNDS} alternating rounds of ${SECONDS} s; the same CPU accounting.`,
      'p99 runs from each request\'s scheduled time to its answer; errors count non-202 answers and requests not sent because 2,000 were waiting;',
      '"sent again": requests reset on a kept-alive connection the node had just closed as idle, before any answer, and sent once more as a browser does.',
      '',
      '| setup | events/s acknowledged | p99 | node CPU / event | PostgreSQL CPU / event | total CPU / acknowledged event | ratio by round: median (range) | errors + non-2xx | host steal |',
      '|---|---|---|---|---|---|---|---|---|',
      ...steadyRows,
      '',
      `Aim: CPU per acknowledged event on PostgreSQL at most twice the SQLite node's. Saturated (the first table): ${verdict(worst, worstMedian)}.`,
      `At the steady ${fmt(steadyRate)} events/s: ${verdict(steadyWorst, steadyWorstMedian)}.`,
      before
        ? `SQLite node before this work and now, same run: ${cpuPer(before).toFixed(0)} µs and ${sqliteCpu.toFixed(0)} µs of CPU per acknowledged event (${((sqliteCpu / cpuPer(before) - 1) * 100).toFixed(0)}%).`
        : 'SQLite node before this work: not measured (no checkout of the starting commit could be made).',
      'Events/s cannot show scale-out here: the load generator, the nodes and PostgreSQL share 2 cores. What carries over is CPU per event:',
      'on a machine with cores to spare, N nodes take about N times one node\'s events/s until PostgreSQL\'s own CPU per event times the rate',
      'fills its cores (its column above is the budget).',
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The commit this issue's work started from; its SQLite node is measured beside today's. */
const BASE_COMMIT = '9a6748d';

/** A detached checkout of BASE_COMMIT in a temp folder sharing our node_modules, or undefined when git cannot make one. */
function baseCheckout(): string | undefined {
  const dir = join(tmpdir(), `kb-bench-base-${BASE_COMMIT}`);
  if (existsSync(join(dir, 'bench'))) return dir;
  const made = spawnSync('git', ['-C', root, 'worktree', 'add', '--detach', dir, BASE_COMMIT], { encoding: 'utf8' });
  if (made.status !== 0) return undefined;
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  // The runtime loads the search index at start: that checkout gets one built from its own sources.
  const built = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', "await (await import('./api/build.ts')).buildSite(process.cwd(), process.cwd() + '/dist')"], {
    cwd: dir,
    encoding: 'utf8',
  });
  return built.status === 0 ? dir : undefined;
}

function sqliteCount(file: string): number {
  const db = openDb(file);
  const n = (db.$client.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  db.$client.close();
  return n;
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function reportsSection(cluster: Cluster): Promise<string[]> {
  const file = join(tmp, `reports-${EVENTS}.sqlite`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run bench -- reports\` first (it generates the database).`);
  const url = await createDatabase(cluster, 'reports');
  const lite = openDb(file);
  migrateDb(lite);
  // SQLite's rollups settled and its ticket rollups built, so they can be copied as they are.
  const liteStore = await openStore(loadConfig({ KB_DB: file, KB_TZ: ZONE, KB_ADMIN_TOKEN: TOKEN }), { migrate: false });
  await liteStore.reports.tickets({ ...RANGE, interval: 'day', timeZone: ZONE, slaFirstResponseMinutes: 240 });
  await liteStore.admin.close();
  const events = (lite.$client.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  const ticketCount = (lite.$client.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
  const pgConfig = loadConfig({ KB_DATABASE_URL: url, KB_SECRET: SECRET, KB_ADMIN_TOKEN: TOKEN, KB_TZ: ZONE });
  const pgDb = await openPgDatabase(pgConfig);
  console.log('Copying the reports database into PostgreSQL (kb copy)…');
  const t0 = performance.now();
  await copySqliteToPg(lite.$client, pgDb, ZONE, (p) => p.done % 500_000 < 2000 && process.stdout.write(`\r  ${p.table} ${p.done}/${p.total}   `), {
    rollups: 'copy',
  });
  const copySeconds = (performance.now() - t0) / 1000;
  await pgDb.$client.unsafe('VACUUM (ANALYZE)'); // as kb copy does after copying
  await pgDb.$client.end();
  lite.$client.close();
  const catalog = benchCatalog();
  const stores: Record<string, Store> = {
    sqlite: await openStore(loadConfig({ KB_DB: file, KB_TZ: ZONE, KB_ADMIN_TOKEN: TOKEN }), { migrate: false }),
    postgres: await openStore(pgConfig),
  };
  const times: Record<string, number[]> = {};
  const equal: string[] = [];
  const differ: string[] = [];
  try {
    for (const name of ['overview', 'articles', 'search', 'gaps', 'tickets']) {
      const answers: Record<string, string> = {};
      for (const [engine, store] of Object.entries(stores)) {
        const app = createApp({ store, config: loadConfig({ KB_TZ: ZONE, KB_ADMIN_TOKEN: TOKEN }), adminToken: TOKEN, catalog: async () => catalog });
        const get = async () => {
          const res = await app.request(`/api/reports/${name}?from=${RANGE.from}&to=${RANGE.to}&interval=day`, { headers: { authorization: `Bearer ${TOKEN}` } });
          if (res.status !== 200) throw new Error(`${engine} ${name}: ${res.status} ${await res.text()}`);
          return res.text();
        };
        answers[engine] = await get();
        const list = (times[`${engine}:${name}`] = [] as number[]);
        for (let i = 0; i < 7; i++) {
          const s = performance.now();
          await get();
          list.push(performance.now() - s);
        }
      }
      // The forecast's "now" is the clock's, the same in both answers within one run.
      (answers.sqlite === answers.postgres ? equal : differ).push(name);
    }
  } finally {
    for (const s of Object.values(stores)) await s.admin.close();
  }
  const row = (name: string) =>
    `| \`${name}\` | ${median(times[`sqlite:${name}`]!).toFixed(1)} ms | ${median(times[`postgres:${name}`]!).toFixed(1)} ms | ${Math.max(...times[`postgres:${name}`]!).toFixed(1)} ms | ${equal.includes(name) ? 'equal' : 'DIFFERENT'} |`;
  const slow = ['overview', 'articles', 'search', 'gaps', 'tickets'].filter((n) => median(times[`postgres:${n}`]!) >= 100);
  return [
    `### Reports on PostgreSQL (${fmt(events)} events, ${fmt(ticketCount)} tickets, 90-day range)`,
    '',
    `The reports bench's database (${ZONE}) copied into PostgreSQL with \`kb copy\`'s COPY path in ${copySeconds.toFixed(0)} s, its rollups`,
    'taken as they are (kb copy itself rebuilds them from the raw rows; test/pg/copy.test.ts holds the two equal). Each report through the Hono app',
    `(\`app.request\`, JSON) on each store, ${RANGE.from}..${RANGE.to} by day, 7 runs after one warm-up; answers compared byte for byte.`,
    '',
    '| report | SQLite median | PostgreSQL median | PostgreSQL slowest | JSON |',
    '|---|---|---|---|---|',
    ...['overview', 'articles', 'search', 'gaps', 'tickets'].map(row),
    '',
    `Aim (every report under 100 ms median on PostgreSQL, equal to SQLite's): ${slow.length === 0 && differ.length === 0 ? 'met' : `not met (${[...slow.map((s) => `${s} slow`), ...differ.map((d) => `${d} differs`)].join(', ')})`}.`,
  ];
}

export default async function pgBench(): Promise<string> {
  const cluster = await startCluster(55437, { durable: true });
  try {
    const only = (process.env.BENCH_PG ?? 'ingest,reports,import').split(',');
    const parts: string[][] = [];
    if (only.includes('ingest')) parts.push(await ingestSection(cluster));
    if (only.includes('import')) parts.push(await importSection(cluster));
    if (only.includes('reports')) parts.push(await reportsSection(cluster));
    return [
      '## PostgreSQL (issue 14)',
      '',
      ...parts.flatMap((p) => [...p, '']),
      `Load average at the end: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores.`,
    ].join('\n');
  } finally {
    cluster.destroy();
  }
}
