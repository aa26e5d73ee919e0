/** Ingest benchmark: POST /api/events (validation, group commit, SQLite) against a bare Hono server, same run. */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';

type Result = autocannon.Result;
import { openDb } from '../db/sqlite/client.ts';
import { buildTracker } from '../site/tracker/build.ts';
import { startChild, type Child } from './servers/child.ts';
import { eventBodies, visitorHeaders } from './traffic.ts';

const CONNECTIONS = 50;
const SECONDS = 10;
const ROUNDS = 2;

/** One autocannon run of realistic single-event beacons from 20,000 visitors against `url`'s /api/events. */
export function load(url: string, seconds = SECONDS, connections = CONNECTIONS): Promise<Result> {
  const bodies = eventBodies(5000);
  const visitors = visitorHeaders(20_000);
  let i = 0;
  return autocannon({
    url: `${url}/api/events`,
    connections,
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
    const started = await Promise.allSettled([
      startChild('bench/servers/bare-server.ts'),
      startChild('bench/servers/store-server.ts'),
      startChild('bench/servers/ingest-server.ts', {
        KB_DB: file,
        KB_TRUST_PROXY: '1',
        KB_ADMIN_TOKEN: 'bench-admin-token-0123456789',
      }),
    ]);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) {
      // Stop the ones that did start, so no server outlives the run.
      for (const s of started) if (s.status === 'fulfilled') await s.value.stop();
      throw failed.reason;
    }
    const [bareServer, storeServer, ingestServer] = started.map((s) => (s as PromiseFulfilledResult<Child>).value) as [Child, Child, Child];
    for (const server of [bareServer, storeServer, ingestServer]) await load(server.url, 3); // warm-up runs, discarded
    // Alternating rounds, so a burst of load from elsewhere on the machine hits every server alike.
    const cpuBare = { cpuUs: 0, requests: 0 };
    const cpuStore = { cpuUs: 0, requests: 0 };
    const cpuOurs = { cpuUs: 0, requests: 0 };
    const rounds: Array<{ bare: Result; store: Result; ours: Result }> = [];
    for (let i = 0; i < ROUNDS; i++) {
      rounds.push({
        bare: await measured(bareServer, cpuBare),
        store: await measured(storeServer, cpuStore),
        ours: await measured(ingestServer, cpuOurs),
      });
    }
    await bareServer.stop();
    const storedByPrototype = Number(/STORED (\d+)/.exec(await storeServer.stop())?.[1] ?? NaN);
    const out = await ingestServer.stop();
    const acknowledged = Number(/ACKNOWLEDGED (\d+)/.exec(out)?.[1] ?? NaN);
    const db = openDb(file);
    const stored = (db.$client.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    db.$client.close();
    const shareOf = (pick: (r: (typeof rounds)[number]) => Result) =>
      rounds.reduce((sum, r) => sum + pick(r).requests.average / r.bare.requests.average, 0) / rounds.length;
    const share = shareOf((r) => r.ours);
    const storeShare = shareOf((r) => r.store);
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
      ...rounds.flatMap(({ bare, store, ours }, i) => [
        row(`round ${i + 1}: bare Hono (parse JSON, answer 202, store nothing)`, bare, bare),
        row(`round ${i + 1}: store-only prototype (parse, one plain row, group commit)`, store, bare),
        row(`round ${i + 1}: ours (validate, group commit, 202 after commit)`, ours, bare),
      ]),
      '',
      `Ours, mean of the rounds: ${(share * 100).toFixed(0)}% of bare's requests per second (aim: 70%). The store-only prototype: ` +
        `${(storeShare * 100).toFixed(0)}% (it stored ${storedByPrototype.toLocaleString('en')} rows).`,
      '',
      `Server CPU time per request (from process.cpuUsage in each server, over the measured rounds): bare ` +
        `${usPer(cpuBare)} µs, store-only ${usPer(cpuStore)} µs, ours ${usPer(cpuOurs)} µs, so on an idle core ours would reach about ` +
        `${((Number(usPer(cpuBare)) / Number(usPer(cpuOurs))) * 100).toFixed(0)}% of bare's rate. This figure is steadier than req/s when`,
      'other work shares the cores (see the load average below).',
      '',
      'What changed before (CPU profiles, Nov 2026; at 94 µs a request then): the report rollups left the ingest',
      'transaction and follow the commit by ~250 ms in their own transactions of up to 1,000 events, up to a',
      'watermark (`rollup_state.appliedThrough`) moved in the same transaction, so reports stay exact and the 202',
      'still waits for the raw events\' commit; counter updates are summed per key, "insert if new" keys remembered',
      'across batches; Hono\'s cors() no longer builds a throw-away Response per request.',
      '',
      'Where the time goes now (2026-11-30). The store-only prototype shows that durability itself is cheap: parse,',
      'one plain row, group commit and a 202 after the commit cost 2-3 µs a request above bare HTTP and keep about',
      '90% of its rate. What separates ours from it is the work per event. A one-off ablation on this machine (same',
      'load, two alternating rounds, CPU per request) measured: rollups off saved ~8.5 µs; the per-batch session',
      'update off ~2.5 µs; rollups, session writes and both events indexes all off still left ~30 µs and 55% of',
      'bare: HTTP through the app\'s routing, zod, the bot check, the rate limit, the visitor hash, sessions in',
      'memory and a 20-column row. 70% needs about 24 µs a request on one core, so it is out of reach here without',
      'dropping what the reports need. A writer thread (raw insert, sessions and rollups on a worker with its own',
      'connection, each batch handed over as one JSON string) was built and measured worse under wrk in one run:',
      '18.5-19.4k req/s against 23.3-23.7k for the single thread, 50-53 µs of CPU per request against 45 (bare:',
      '58-61k, 16 µs), because on two cores shared with the load generator the hand-off between threads is extra',
      'CPU that no idle core absorbs. It was not kept.',
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
