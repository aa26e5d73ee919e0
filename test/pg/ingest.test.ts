import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TrackEventSchema } from '../../db/shared/event.ts';
import { openPg, type PgDb } from '../../db/pg/client.ts';
import { createPgIngest, type PgIngest } from '../../db/pg/tracking/writer.ts';
import { NO_PG, pgTestUrl, tempPg, type TempPg } from '../helpers/pg.ts';

const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';
const T0 = Date.UTC(2026, 10, 2, 10, 0);
const min = (m: number) => T0 + m * 60_000;
const ev = (e: Record<string, unknown>) => TrackEventSchema.parse(e);

interface Row {
  id: number;
  type: string;
  session_id: number;
  visitor: string;
  attributed_article: string | null;
  clicked: boolean;
}

describe.skipIf(!pgTestUrl)(`PostgreSQL ingest across nodes${pgTestUrl ? '' : ` (skipped: ${NO_PG})`}`, () => {
  let t: TempPg;
  let nodes: Array<{ db: PgDb; ingest: PgIngest }>;
  beforeEach(async () => {
    t = await tempPg();
    nodes = [0, 1].map(() => {
      const db = openPg(t.url, { max: 3 });
      return { db, ingest: createPgIngest(db, t.config) };
    });
  });
  afterEach(async () => {
    for (const n of nodes) {
      await n.ingest.close();
      // As the store closes (db/pg/store.ts): postgres.js may never finish ending a connection PostgreSQL ended.
      await n.db.$client.end({ timeout: 5 });
    }
    await t.cleanup();
  });
  const rows = (ip: string) =>
    t.db.$client<Row[]>`SELECT e.id, e.type, e.session_id, e.visitor, e.attributed_article, e.clicked FROM events e
      WHERE e.visitor = (SELECT visitor FROM events WHERE path = ${ip} LIMIT 1) ORDER BY e.id`;

  it('keeps one session and one attribution for a visitor whose requests alternate between two nodes', async () => {
    const ip = '198.51.100.7';
    const send = (node: number, at: number, e: Record<string, unknown>) => nodes[node]!.ingest.store([ev({ path: ip, ...e })], { ip, userAgent: UA, now: at });
    await send(0, min(0), { type: 'view', pv: 'p1', article: 'reset-password' });
    await send(1, min(2), { type: 'search', pv: 'p2', query: 'refund', results: 3 });
    await send(0, min(3), { type: 'search_click', pv: 'p2', query: 'refund', position: 1 });
    await send(1, min(5), { type: 'view', pv: 'p3', article: 'billing-faq' });
    await send(0, min(9), { type: 'contact', pv: 'p3', via: 'cta' });
    const r = await rows(ip);
    expect(r.map((x) => x.type)).toEqual(['view', 'search', 'search_click', 'view', 'contact']);
    expect(new Set(r.map((x) => x.session_id)).size).toBe(1);
    expect(r[4]!.attributed_article).toBe('billing-faq');
    expect(r[1]!.clicked).toBe(true); // the search, marked by the click stored through the other node
    expect(r[2]!.clicked).toBe(true);
    const [s] = await t.db.$client`SELECT started_at AS "startedAt", last_at AS "lastAt" FROM sessions WHERE id = ${r[0]!.session_id}`;
    expect(s).toEqual({ startedAt: min(0), lastAt: min(9) });
  });

  it('does not split a session when two nodes take the same visitor at the same moment', async () => {
    const ip = '198.51.100.8';
    const at = min(60);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        nodes[i % 2]!.ingest.store([ev({ type: 'view', pv: `c${i}`, article: 'a', path: ip })], { ip, userAgent: UA, now: at + i }),
      ),
    );
    const r = await rows(ip);
    expect(r).toHaveLength(20);
    expect(new Set(r.map((x) => x.session_id)).size).toBe(1);
  });

  it('agrees one salt per day for all nodes', async () => {
    const ip = '198.51.100.9';
    const day = Date.UTC(2026, 10, 3, 9, 0);
    await Promise.all(nodes.map((n, i) => n.ingest.store([ev({ type: 'view', pv: `s${i}`, path: ip })], { ip, userAgent: UA, now: day })));
    const visitors = await t.db.$client`SELECT DISTINCT visitor FROM events WHERE pv IN ('s0', 's1')`;
    expect(visitors).toHaveLength(1);
    const salts = await t.db.$client`SELECT day FROM salts`;
    expect(salts.map((s) => s.day)).toEqual(['2026-11-03']); // yesterday's salt was deleted
  });

  it('queues every stored event for the rollups in the same transaction, with its row as written', async () => {
    const ip = '198.51.100.11';
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => nodes[i % 2]!.ingest.store([ev({ type: 'view', pv: `q${i}`, path: ip })], { ip: `${ip}${i}`, userAgent: UA, now: min(i) })),
    );
    const [{ events, queued }] = await t.db.$client<[{ events: number; queued: number }]>`
      SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM rollup_batches b JOIN events e ON e.id = ANY(b.ids)) AS queued`;
    expect(events).toBe(30);
    expect(queued).toBe(events);
    const batches = await t.db.$client<Array<{ first: number; size: number; ids: number[]; rows: unknown[][] }>>`
      SELECT first_id AS first, size, ids, events::jsonb AS rows FROM rollup_batches`;
    for (const b of batches) {
      expect(b.rows.map((r) => Number(r[0]))).toEqual(b.ids.map(Number));
      expect([Number(b.first), b.size]).toEqual([Math.min(...b.ids.map(Number)), b.ids.length]);
    }
  });

  it('writes a batch whose pooled connection PostgreSQL ended while it was idle (a failover, a pooler, an admin)', async () => {
    const ip = '198.51.100.12';
    const admin = openPg(t.url, { max: 1 });
    try {
      for (let i = 0; i < 25; i++) {
        await nodes[0]!.ingest.store([ev({ type: 'view', pv: `warm${i}`, path: ip })], { ip, userAgent: UA, now: min(i) });
        // Every connection of the node is idle now; PostgreSQL ends them, and the next batch comes at once.
        await admin.$client`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state = 'idle'`;
        await nodes[0]!.ingest.store([ev({ type: 'view', pv: `cut${i}`, path: ip })], { ip, userAgent: UA, now: min(i) + 1000 });
      }
    } finally {
      await admin.$client.end();
    }
    expect((await rows(ip)).length).toBe(50);
  });

  it('writes a batch in two round trips: its locks and reads go out with BEGIN, its writes with COMMIT', async () => {
    // Between the node and PostgreSQL, counting the times the node speaks again after PostgreSQL answered: each is
    // a round trip a batch waits for (a managed PostgreSQL is a network away: every one adds to each event's wait).
    let turns = 0;
    let last: 'node' | 'pg' = 'pg';
    const pg = new URL(t.url);
    const proxy = net.createServer((client) => {
      const server = net.connect(Number(pg.port), pg.hostname);
      client.on('data', (c) => (last === 'pg' && turns++, (last = 'node'), server.write(c)));
      server.on('data', (c) => ((last = 'pg'), client.write(c)));
      client.on('close', () => server.destroy());
      server.on('close', () => client.destroy());
      client.on('error', () => {});
      server.on('error', () => {});
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const url = new URL(t.url);
    url.host = `127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
    const db = openPg(url.toString(), { max: 1 });
    const ingest = createPgIngest(db, t.config);
    try {
      const send = (i: number) =>
        ingest.store([ev({ type: 'view', pv: `rt${i}`, path: '198.51.100.30' }), ev({ type: 'read', pv: `rt${i}`, path: '198.51.100.30', seconds: 40, scroll: 90 })], {
          ip: '198.51.100.30',
          userAgent: UA,
          now: min(i),
        });
      await send(0); // the connection opens and prepares its statements
      let before = turns;
      await send(1);
      expect(turns - before).toBe(2);
      // A click that marks a search stored by an earlier batch adds an unprepared UPDATE (its plan must fit its ids):
      // it goes out with the write, not a round trip ahead of it to learn its parameter's type.
      const at = { ip: '198.51.100.30', userAgent: UA };
      await ingest.store([ev({ type: 'search', pv: 'rt1', path: '198.51.100.30', query: 'refund', results: 2 })], { ...at, now: min(1) + 1000 });
      before = turns;
      await ingest.store([ev({ type: 'search_click', pv: 'rt1', path: '198.51.100.30', query: 'refund', position: 1 })], { ...at, now: min(1) + 2000 });
      expect(turns - before).toBe(2);
    } finally {
      await ingest.close();
      await db.$client.end({ timeout: 5 });
      proxy.close();
    }
    const stored = await rows('198.51.100.30');
    expect(stored.map((r) => r.type)).toEqual(['view', 'read', 'view', 'read', 'search', 'search_click']);
    expect(stored[4]!.clicked).toBe(true);
  });

  it('starts a new session after 30 quiet minutes', async () => {
    const ip = '198.51.100.10';
    const send = (node: number, at: number) => nodes[node]!.ingest.store([ev({ type: 'view', pv: `g${at}`, path: ip })], { ip, userAgent: UA, now: at });
    await send(0, min(100));
    await send(1, min(130));
    await send(0, min(161));
    const r = await rows(ip);
    expect(r[0]!.session_id).toBe(r[1]!.session_id);
    expect(r[2]!.session_id).not.toBe(r[1]!.session_id);
  });

  it("stores an event whose text PostgreSQL cannot hold (a NUL, a lone surrogate) without failing other visitors' events in its batch", async () => {
    const stored = await Promise.allSettled([
      nodes[0]!.ingest.store([ev({ type: 'search', pv: 'n1', path: '/n', query: 'refund\u0000policy', results: 1 })], { ip: '198.51.100.21', userAgent: UA }),
      nodes[0]!.ingest.store([ev({ type: 'search', pv: 'n2', path: '/n', query: 'refund \ud800 policy', results: 1 })], { ip: '198.51.100.22', userAgent: UA }),
      nodes[0]!.ingest.store([ev({ type: 'view', pv: 'n3', path: '/n', article: 'billing-faq' })], { ip: '198.51.100.23', userAgent: UA }),
    ]);
    expect(stored.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const queries = await t.db.$client<Array<{ query: string }>>`SELECT query FROM events WHERE type = 'search' ORDER BY pv`;
    expect(queries.map((q) => q.query)).toEqual(['refund\ufffdpolicy', 'refund \ufffd policy']);
  });
});
