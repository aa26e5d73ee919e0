import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../db/pg/client.ts';
import { applyRollupChunk } from '../../db/pg/rollups/applier.ts';
import { KnownVisitors } from '../../db/pg/rollups/known-visitors.ts';
import { rebuildPgRollups } from '../../db/pg/rollups/rebuild.ts';
import { NO_PG, pgTestUrl, tempPg, type TempPg } from '../helpers/pg.ts';

const zone = 'UTC';
const DAY = Date.UTC(2026, 4, 12, 9);

describe.skipIf(!pgTestUrl)(`a node's cache of committed visitor-set members${pgTestUrl ? '' : ` (skipped: ${NO_PG})`}`, () => {
  let t: TempPg;
  beforeAll(async () => void (t = await tempPg({ KB_TZ: zone })));
  afterAll(() => t.cleanup());

  /** Commits one article view of `visitor` with its queue row, as ingest does. */
  async function view(visitor: string, pv: string, ts: number): Promise<number> {
    const [{ id }] = await t.db.$client<[{ id: number }]>`
      WITH e AS (INSERT INTO events (id, ts, type, visitor, session_id, pv, article, locale)
        VALUES (nextval('events_id_seq'), ${ts}, 'view', ${visitor}, 777, ${pv}, 'setup', 'en') RETURNING id),
      q AS (INSERT INTO rollup_batches (first_id, size, ids) SELECT min(id), count(*), array_agg(id) FROM e)
      SELECT id FROM e`;
    return id;
  }
  const visitorsOn = async (sql: Sql, day: string) => {
    const [site] = await sql<[{ v: number }?]>`SELECT visitors AS v FROM site_days WHERE locale = '*' AND day = ${day}`;
    const [article] = await sql<[{ v: number }?]>`SELECT visitors AS v FROM article_days WHERE locale = 'en' AND day = ${day} AND article = 'setup'`;
    return { site: site?.v ?? 0, article: article?.v ?? 0 };
  };
  const apply = (known: KnownVisitors) => applyRollupChunk(t.db, zone, { limit: 100, wait: true, known });

  it('skips members it knows, and still counts each visitor once a day', async () => {
    const known = new KnownVisitors();
    await view('v-known', 'pv-1', DAY);
    expect(await apply(known)).toBe(1);
    await view('v-known', 'pv-2', DAY + 60_000);
    await view('v-other', 'pv-3', DAY + 60_000);
    expect(await apply(known)).toBe(2);
    expect(await visitorsOn(t.db.$client, '2026-05-12')).toEqual({ site: 2, article: 2 });
  });

  it('counts a member again after a rebuild removed it, though the cache had it (a rebuild between two batches)', async () => {
    const known = new KnownVisitors();
    const NEXT = DAY + 86_400_000;
    const first = await view('v-erased', 'pv-10', NEXT);
    expect(await apply(known)).toBe(1); // the cache now holds v-erased's members of 2026-05-12
    // The visitor's events are erased and the rollups rebuilt: its members are gone from the sets.
    await t.db.$client`DELETE FROM events WHERE id = ${first}`;
    await rebuildPgRollups(t.db, zone);
    expect(await visitorsOn(t.db.$client, '2026-05-13')).toEqual({ site: 0, article: 0 });
    // The same visitor comes back the same day: a stale cache would skip its members and count no visitor.
    await view('v-erased', 'pv-11', NEXT + 60_000);
    expect(await apply(known)).toBe(1);
    expect(await visitorsOn(t.db.$client, '2026-05-13')).toEqual({ site: 1, article: 1 });
  });

  it('learns nothing from a chunk that read the mark of rollups rebuilt since', async () => {
    const known = new KnownVisitors();
    known.use('before');
    known.learn('before', [{ day: '2026-05-12', key: 'x' }]);
    expect(known.has({ day: '2026-05-12', key: 'x' })).toBe(true);
    known.use('after'); // a chunk read a new mark: everything learnt before is dropped
    expect(known.has({ day: '2026-05-12', key: 'x' })).toBe(false);
    known.learn('before', [{ day: '2026-05-12', key: 'y' }]); // a late learn from a chunk of the old mark
    expect(known.has({ day: '2026-05-12', key: 'y' })).toBe(false);
  });

  it('keeps the two latest days only', () => {
    const known = new KnownVisitors();
    known.use(null);
    known.learn(null, [{ day: '2026-05-10', key: 'a' }, { day: '2026-05-11', key: 'b' }, { day: '2026-05-12', key: 'c' }, { day: '2026-05-09', key: 'd' }]);
    expect(['a', 'b', 'c', 'd'].map((key, i) => known.has({ day: `2026-05-${10 + (i === 3 ? -1 : i)}`, key }))).toEqual([false, true, true, false]);
  });
});
