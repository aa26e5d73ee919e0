/** Ingest benchmark: POST /api/events (validation, group commit, SQLite) against a bare Hono server, same run. */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';

type Result = autocannon.Result;
import { openDb } from '../db/client.ts';
import { buildTracker } from '../site/tracker/build.ts';
import { startChild, type Child } from './servers/child.ts';
import { eventBodies, visitorHeaders } from './traffic.ts';

const CONNECTIONS = 50;
const SECONDS = 10;
const ROUNDS = 2;

function load(url: string, seconds = SECONDS): Promise<Result> {
  const bodies = eventBodies(5000);
  const visitors = visitorHeaders(20_000);
  let i = 0;
  return autocannon({
    url: `${url}/api/events`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          i++;
          return { ...req, body: bodies[i % bodies.length], headers: visitors[i % visitors.length] };
        },
      },
    ],
  });
}

/** One load run, adding the server's CPU time and request count over the run to `acc`. */
async function measured(server: Child, acc: { cpuUs: number; requests: number }): Promise<Result> {
  const before = await server.cpu();
  const result = await load(server.url);
  const after = await server.cpu();
  acc.cpuUs += after.cpuUs - before.cpuUs;
  acc.requests += after.requests - before.requests;
  return result;
}

const row = (name: string, r: Result, bare: Result) =>
  `| ${name} | ${Math.round(r.requests.average).toLocaleString('en')} | ${r.latency.p50} ms | ${r.latency.p99} ms | ` +
  `${r.errors + r.timeouts} | ${r.non2xx} | ${((r.requests.average / bare.requests.average) * 100).toFixed(0)}% |`;

export default async function ingestBench(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kb-bench-ingest-'));
  const file = join(dir, 'kb.sqlite');
  try {
    // Visitors come through a trusted proxy header, so the per-visitor rate limit stays at its default (120/min).
    const [bareServer, ingestServer] = await Promise.all([
      startChild('bench/servers/bare-server.ts'),
      startChild('bench/servers/ingest-server.ts', {
        KB_DB: file,
        KB_TRUST_PROXY: '1',
        KB_ADMIN_TOKEN: 'bench-admin-token-0123456789',
      }),
    ]);
    await load(bareServer.url, 3); // warm-up runs, discarded
    await load(ingestServer.url, 3);
    // Alternating rounds, so a burst of load from elsewhere on the machine hits both sides alike.
    const cpuBare = { cpuUs: 0, requests: 0 };
    const cpuOurs = { cpuUs: 0, requests: 0 };
    const rounds: Array<{ bare: Result; ours: Result }> = [];
    for (let i = 0; i < ROUNDS; i++) {
      rounds.push({ bare: await measured(bareServer, cpuBare), ours: await measured(ingestServer, cpuOurs) });
    }
    await bareServer.stop();
    const out = await ingestServer.stop();
    const acknowledged = Number(/ACKNOWLEDGED (\d+)/.exec(out)?.[1] ?? NaN);
    const db = openDb(file);
    const stored = (db.$client.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    db.$client.close();

    const share = rounds.reduce((sum, r) => sum + r.ours.requests.average / r.bare.requests.average, 0) / rounds.length;
    const usPer = (a: { cpuUs: number; requests: number }) => (a.cpuUs / Math.max(a.requests, 1)).toFixed(0);
    const load1 = loadavg()[0]!.toFixed(1);
    const code = await buildTracker();
    const gz = gzipSync(code, { level: 9 }).length;
    const section = [
      '## Ingest: POST /api/events',
      '',
      `autocannon, ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} alternating rounds, loopback; servers in child processes, the load`,
      'generator in the parent (all on the same cores). Bodies: single realistic events (view, read, search, vote,',
      'contact, search_click; 150-330 bytes) from 20,000 visitors (X-Forwarded-For with KB_TRUST_PROXY=1, five',
      'browser user agents), so the per-visitor rate limit (default 120/min) is on and never reached.',
      '',
      '| server | req/s | p50 | p99 | errors | non-2xx | share of bare |',
      '|---|---|---|---|---|---|---|',
      ...rounds.flatMap(({ bare, ours }, i) => [
        row(`round ${i + 1}: bare Hono (parse JSON, answer 202, store nothing)`, bare, bare),
        row(`round ${i + 1}: ours (validate, group commit, 202 after commit)`, ours, bare),
      ]),
      '',
      `Ours, mean of the rounds: ${(share * 100).toFixed(0)}% of bare's requests per second (aim: 70%).`,
      '',
      `Server CPU time per request (from process.cpuUsage in each server, over the measured rounds): bare ` +
        `${usPer(cpuBare)} µs, ours ${usPer(cpuOurs)} µs, so on an idle core ours would reach about ` +
        `${((Number(usPer(cpuBare)) / Number(usPer(cpuOurs))) * 100).toFixed(0)}% of bare's rate. This figure is steadier than req/s when`,
      'other work shares the cores (see the load average below).',
      '',
      'Where the time went and what changed (CPU profiles, Nov 2026; at 94 µs a request before). The report',
      'rollups had run inside each ingest transaction, about 11 SQLite statements per page view at ~40 events a',
      'batch: a third of the server\'s busy time. They now follow the commit by ~250 ms in their own transactions',
      'of up to 1,000 events, up to a watermark (`rollup_state.appliedThrough`) moved in the same transaction;',
      'reports catch up before reading and a restart applies what a crash left, so reports stay exact and the',
      '202 still waits for the raw events\' commit. Counter updates are summed per key over the larger batch,',
      'and "insert if new" keys (visitor-days, sessions, page views) are remembered across committed batches.',
      'Hono\'s cors() had also built a throw-away Response per request (it writes through `c.res`); the route now',
      'sets its one header up front and keeps cors() for preflights. What is left, per request: the raw insert',
      '(one row, two index entries) and session upkeep with their commit (~18% of the server\'s time), rollups',
      '(~15%), and HTTP, routing, zod, the rate limit and the visitor hash. The ~80% prototype in',
      'PERF-BASELINES.md stored one plain row with no index, session or rollup.',
      '',
      `Requests acknowledged (202) by the server, warm-up included: ${acknowledged.toLocaleString('en')}; ` +
        `202s seen by autocannon in the measured rounds: ${rounds.reduce((n, r) => n + r.ours['2xx'], 0).toLocaleString('en')}; rows stored: ${stored.toLocaleString('en')} ` +
        `(${stored === acknowledged ? 'equal' : 'NOT EQUAL'}; one event per request).`,
      '',
      `Load average at the end: ${load1} on ${cpus().length} cores.`,
      '',
      `Tracker /kb.js: ${code.length.toLocaleString('en')} bytes minified, ${gz.toLocaleString('en')} bytes gzipped (budget 1,536).`,
    ].join('\n');
    return section;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
