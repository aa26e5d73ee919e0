import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../db/reports/rollups/events.ts';
import { applyRollupChunk, markRollupsBuilt } from '../../db/pg/rollups/applier.ts';
import { WrittenEvents } from '../../db/pg/rollups/written-events.ts';
import type { Sql } from '../../db/pg/client.ts';
import { NO_PG, pgTestUrl, tempPg, type TempPg } from '../helpers/pg.ts';

const zone = 'UTC';
const TS = Date.UTC(2026, 4, 12, 9);

/** A view as ingest stores it, with every field the rollups read. */
const viewRow = (id: number, article: string): StoredEvent => ({
  id, ts: TS, type: 'view', visitor: `v-${id}`, sessionId: 900 + id, pv: `pv-${id}`, path: `/articles/${article}`, article, locale: 'en',
  seconds: null, scroll: null, helpful: null, query: null, queryNorm: null, results: null, position: null, comment: null,
  referrerHost: null, via: null, attributedArticle: null, clicked: false,
});

describe.skipIf(!pgTestUrl)(`the applier's cache of this node's committed events${pgTestUrl ? '' : ` (skipped: ${NO_PG})`}`, () => {
  let t: TempPg;
  beforeAll(async () => void (t = await tempPg({ KB_TZ: zone })));
  afterAll(() => t.cleanup());

  /** Commits a view with its queue row, as ingest does (on any node). */
  async function store(row: StoredEvent): Promise<void> {
    await t.db.$client`
      WITH e AS (INSERT INTO events (id, ts, type, visitor, session_id, pv, path, article, locale)
        VALUES (${row.id}, ${row.ts}, 'view', ${row.visitor}, ${row.sessionId}, ${row.pv}, ${row.path}, ${row.article}, 'en') RETURNING id)
      INSERT INTO rollup_queue SELECT id FROM e`;
  }
  const nextId = async () => (await t.db.$client<[{ id: number }]>`SELECT nextval('events_id_seq') AS id`)[0].id;
  const views = async (sql: Sql, article: string) =>
    (await sql<[{ v: number }?]>`SELECT views AS v FROM article_days WHERE locale = 'en' AND day = '2026-05-12' AND article = ${article}`)[0]?.v ?? 0;
  const apply = (written: WrittenEvents) => applyRollupChunk(t.db, zone, { limit: 100, wait: true, written });

  it('counts its own events from the cache and reads the ones it does not hold (another node wrote them)', async () => {
    const written = new WrittenEvents();
    const mine = viewRow(await nextId(), 'mine');
    const theirs = viewRow(await nextId(), 'theirs');
    await store(mine);
    written.add([mine]);
    await store(theirs); // committed by another node: not in this node's cache
    expect(await apply(written)).toBe(2);
    expect([await views(t.db.$client, 'mine'), await views(t.db.$client, 'theirs')]).toEqual([1, 1]);
  });

  it('empties itself when the rollups mark changes, so a row it kept is never counted for another event of that id', async () => {
    const written = new WrittenEvents();
    const first = viewRow(await nextId(), 'first');
    await store(first);
    written.add([first]);
    expect(await apply(written)).toBe(1); // the cache now works under the current mark
    // The cache still holds a row for an id whose stored event is another one, and the rollups were replaced since
    // (what kb copy or a rebuild marks): the stored event must be counted, not the row the node kept.
    const id = await nextId();
    written.add([viewRow(id, 'kept-by-the-node')]);
    await t.db.$client.begin((tx) => markRollupsBuilt(tx as unknown as Sql));
    await store(viewRow(id, 'stored'));
    expect(await apply(written)).toBe(1);
    expect([await views(t.db.$client, 'kept-by-the-node'), await views(t.db.$client, 'stored')]).toEqual([0, 1]);
  });

  it('forgets batches kept past their time', () => {
    let now = 0;
    const written = new WrittenEvents(() => now);
    written.add([viewRow(1, 'a')]);
    now = 3_000;
    written.add([viewRow(2, 'a')]);
    expect(written.take([1, 2])).toEqual({ found: [viewRow(2, 'a')], missing: [1] });
  });

  it('forgets batches below the smallest id a chunk took (another node took those)', () => {
    const written = new WrittenEvents(() => 0);
    written.add([viewRow(1, 'a'), viewRow(2, 'a')]);
    written.add([viewRow(3, 'a')]);
    written.add([viewRow(5, 'a')]);
    expect(written.take([5])).toEqual({ found: [viewRow(5, 'a')], missing: [] });
    expect(written.take([1, 2, 3])).toEqual({ found: [], missing: [1, 2, 3] });
  });
});
