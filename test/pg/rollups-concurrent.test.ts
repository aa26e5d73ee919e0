import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPg, type PgDb, type Sql } from '../../db/pg/client.ts';
import { LOCK } from '../../db/pg/locks.ts';
import { applyRollupChunk, settlePgRollups } from '../../db/pg/rollups/applier.ts';
import { KnownVisitors } from '../../db/pg/rollups/known-visitors.ts';
import { rebuildPgRollups } from '../../db/pg/rollups/rebuild.ts';
import { createRollupTimer } from '../../db/pg/rollups/timer.ts';
import { createPgIngest } from '../../db/pg/tracking/writer.ts';
import { NO_PG, pgTestUrl, tempPg, type TempPg } from '../helpers/pg.ts';
import { traffic } from '../helpers/traffic.ts';

const zone = 'UTC';
const ROLLUPS = ['site_days', 'article_days', 'article_read_days', 'article_sessions', 'session_facts', 'query_days', 'query_sessions', 'page_views', 'search_clicks', 'article_comments'];

async function snapshot(db: PgDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of ROLLUPS) out[t] = await db.$client.unsafe(`SELECT * FROM ${t} ORDER BY (${t}.*)::text`);
  return out;
}

describe.skipIf(!pgTestUrl)(`rollups with concurrent committers${pgTestUrl ? '' : ` (skipped: ${NO_PG})`}`, () => {
  let t: TempPg;
  beforeAll(async () => void (t = await tempPg({ KB_TZ: zone })));
  afterAll(() => t.cleanup());

  it('counts an event whose id committed after a larger one was already applied (no watermark to skip it)', async () => {
    const sql = t.db.$client;
    const viewsNow = async () => (await sql<[{ v: number | null }]>`SELECT sum(views) AS v FROM site_days WHERE locale = '*'`)[0].v ?? 0;
    const before = await viewsNow();
    const insert = (tx: Sql, id: number) => tx`
      WITH e AS (INSERT INTO events (id, ts, type, visitor, session_id, pv, article, locale)
        VALUES (${id}, ${Date.UTC(2026, 5, 1, 12)}, 'view', 'v-late', 424242, ${`late-${id}`}, 'a', 'en') RETURNING id)
      INSERT INTO rollup_batches (first_id, size, ids) SELECT min(id), count(*), array_agg(id) FROM e`;
    const [{ id1, id2 }] = await sql<[{ id1: number; id2: number }]>`SELECT nextval('events_id_seq') AS id1, nextval('events_id_seq') AS id2`;
    // Transaction A holds the smaller id, uncommitted, while B commits the larger one and the applier runs.
    const held = await sql.reserve();
    await held`BEGIN`;
    await insert(held as unknown as Sql, id1);
    await sql.begin((tx) => insert(tx as unknown as Sql, id2));
    expect(await applyRollupChunk(t.db, zone, { limit: 100, wait: true })).toBe(1);
    expect(await viewsNow()).toBe(before + 1);
    await held`COMMIT`;
    held.release();
    expect(await applyRollupChunk(t.db, zone, { limit: 100, wait: true })).toBe(1);
    expect(await viewsNow()).toBe(before + 2);
    expect(await applyRollupChunk(t.db, zone, { limit: 100, wait: true })).toBe(0); // and never again
    expect(await viewsNow()).toBe(before + 2);
  });

  it('a rebuild keeps the events of a chunk applied while it waited for the lock (it starts again)', async () => {
    const sql = t.db.$client;
    const ts = Date.UTC(2026, 8, 3, 12);
    const waiting = async (n: number) => {
      for (let i = 0; i < 200; i++) {
        const [{ w }] = await sql<[{ w: number }]>`SELECT count(*) AS w FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'`;
        if (w >= n) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`fewer than ${n} transactions waited for the applier lock`);
    };
    // The lock is held while, in this order, an applier and a rebuild queue for it; the rebuild's snapshot is
    // taken as it starts waiting, and an event commits after it.
    const held = await sql.reserve();
    await held`BEGIN`;
    await held`SELECT pg_advisory_xact_lock(${LOCK.rollups})`;
    const applying = applyRollupChunk(t.db, zone, { limit: 100, wait: true });
    await waiting(1);
    const rebuilding = rebuildPgRollups(t.db, zone);
    await waiting(2);
    await sql`
      WITH e AS (INSERT INTO events (id, ts, type, visitor, session_id, pv, article, locale)
        VALUES (nextval('events_id_seq'), ${ts}, 'view', 'v-rebuild', 434343, 'pv-rebuild', 'a', 'en') RETURNING id)
      INSERT INTO rollup_batches (first_id, size, ids) SELECT min(id), count(*), array_agg(id) FROM e`;
    await held`COMMIT`;
    held.release();
    expect(await applying).toBe(1); // the applier goes first and counts the new event, then the rebuild runs
    await rebuilding;
    const [{ views, stored }] = await sql<[{ views: number; stored: number }]>`
      SELECT (SELECT coalesce(sum(views), 0) FROM site_days WHERE locale = '*') AS views, (SELECT count(*) FROM events WHERE type = 'view') AS stored`;
    expect(views).toBe(stored);
  });

  it('two nodes ingesting and applying at once give the rollups a rebuild from the raw events gives', async () => {
    const requests = traffic({ seed: 11, start: Date.UTC(2026, 6, 1, 8), days: 3, visitors: 250, articles: ['a', 'b', 'c'], locales: ['en', 'ru'] });
    const nodes = [0, 1].map(() => {
      const db = openPg(t.url, { max: 4 });
      // Each node with its own cache of committed visitor-set members, as a store has (known-visitors.ts): each
      // applier takes the other node's batches too.
      const known = new KnownVisitors();
      const timer = createRollupTimer(db, zone, known);
      return { db, known, timer, ingest: createPgIngest(db, t.config, { onCommit: timer.nudge }) };
    });
    // Each visitor's requests go in order, but to alternating nodes; visitors run concurrently.
    const byVisitor = new Map<string, typeof requests>();
    for (const r of requests) byVisitor.set(r.client.ip, [...(byVisitor.get(r.client.ip) ?? []), r]);
    let turn = 0;
    await Promise.all(
      [...byVisitor.values()].map(async (list) => {
        for (const r of list) await nodes[turn++ % 2]!.ingest.store(r.events, r.client);
      }),
    );
    for (const n of nodes) await n.ingest.close();
    // Appliers of both nodes may still be running; a report-style drain finishes the job.
    await Promise.all(nodes.map((n) => settlePgRollups(n.db, zone, 500, n.known)));
    for (const n of nodes) {
      await n.timer.stop();
      await n.db.$client.end();
    }
    const [{ queued, views, stored }] = await t.db.$client<[{ queued: number; views: number; stored: number }]>`
      SELECT (SELECT count(*) FROM rollup_batches) AS queued,
             (SELECT sum(views) FROM site_days WHERE locale = '*') AS views,
             (SELECT count(*) FROM events WHERE type = 'view') AS stored`;
    expect(queued).toBe(0);
    expect(views).toBe(stored);
    const live = await snapshot(t.db);
    await rebuildPgRollups(t.db, zone);
    expect(await snapshot(t.db)).toEqual(live);
  }, 120_000);
});
