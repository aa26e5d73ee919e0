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
      'Where our extra time goes (CPU profiles, Nov 2026): about two thirds is SQLite. Each event inserts one',
      'row and three index entries (`events_pv` has random keys, so nearly every event dirties its own page),',
      'and the batch commit writes those pages to the WAL, ~15 µs an event at ~40 events a batch; dropping every',
      'index halves the database time. The rest is the route: headers, CORS, zod, the rate limit and the visitor',
      'hash (~15 µs). Reading the body through `bodyLimit` had cost another ~90 µs a request (it builds a web',
      'stream) and is now skipped when Content-Length is given.',
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
