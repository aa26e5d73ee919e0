import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPg, type PgDb } from '../../db/pg/client.ts';
import { migratePg } from '../../db/pg/migrate.ts';
import { applyRollupChunk, settlePgRollups } from '../../db/pg/rollups/applier.ts';
import { rebuildPgRollups } from '../../db/pg/rollups/rebuild.ts';
import { createPgIngest } from '../../db/pg/tracking/writer.ts';
import { databaseUrl, NO_PG, pgTestUrl, tempPg, type TempPg } from '../helpers/pg.ts';

const zone = 'UTC';
const TS = Date.UTC(2026, 4, 12, 9);
const ROLLUPS = ['site_days', 'article_days', 'article_sessions', 'session_facts', 'query_days', 'query_sessions', 'page_views', 'search_clicks', 'article_comments'];

async function snapshot(db: PgDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of ROLLUPS) out[t] = await db.$client.unsafe(`SELECT * FROM ${t} ORDER BY (${t}.*)::text`);
  return out;
}

describe.skipIf(!pgTestUrl)(`the rollup queue, one row per committed batch${pgTestUrl ? '' : ` (skipped: ${NO_PG})`}`, () => {
  let t: TempPg;
  beforeAll(async () => void (t = await tempPg({ KB_TZ: zone })));
  afterAll(() => t.cleanup());

  it('counts a batch from the text its writer sent exactly as from the rows PostgreSQL stored, odd strings too', async () => {
    // Strings PostgreSQL's text cannot take as sent (a NUL, a lone surrogate) and strings JSON escapes: what the
    // applier decodes from the queued text must be what the events table holds, or a rebuild would count otherwise.
    const odd = ['nul\0here', 'lone \ud800 surrogate', 'quote " and \\ backslash', 'tab\tnew\nline', 'émoji 😀', '\u001f'];
    const ingest = createPgIngest(t.db, t.config);
    await Promise.all(odd.map((query, i) => ingest.store(
      [
        { type: 'view', pv: `pv-${i}`, path: '/articles/a', article: 'a', locale: 'en' },
        { type: 'vote', pv: `pv-${i}`, article: 'a', locale: 'en', helpful: false, comment: query },
        { type: 'search', pv: `pv-${i}`, path: '/search', query, results: 0, locale: 'en' },
      ] as never,
      { ip: `203.0.113.${i}`, userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0', now: TS + i * 1000 },
    )));
    await ingest.close();
    const [{ withText }] = await t.db.$client<[{ withText: number }]>`SELECT count(*) AS "withText" FROM rollup_batches WHERE events IS NOT NULL`;
    expect(withText).toBeGreaterThan(0);
    expect(await settlePgRollups(t.db, zone)).toBe(odd.length * 3);
    const live = await snapshot(t.db);
    expect(live.article_comments).toHaveLength(odd.length);
    await rebuildPgRollups(t.db, zone);
    expect(await snapshot(t.db)).toEqual(live);
  });

  it('takes whole batches, the oldest first, about as many events as asked', async () => {
    const ingest = createPgIngest(t.db, t.config, { maxBatchEvents: 5 });
    for (let i = 0; i < 4; i++) {
      const events = Array.from({ length: 5 }, (_, j) => ({ type: 'view', pv: `b${i}-${j}`, path: '/articles/b', article: 'b', locale: 'en' }));
      await ingest.store(events as never, { ip: `198.51.100.${i}`, userAgent: 'curl/8', now: TS + i });
    }
    await ingest.close();
    expect(await applyRollupChunk(t.db, zone, { limit: 7, wait: true })).toBe(10); // two batches: the first held fewer than 7
    expect(await applyRollupChunk(t.db, zone, { limit: 1, wait: true })).toBe(5); // one batch, however large
    expect(await applyRollupChunk(t.db, zone, { limit: 100, wait: true })).toBe(5);
    expect(await applyRollupChunk(t.db, zone, { limit: 100, wait: true })).toBe(0);
  });

  it('keeps a large batch\'s text compressed with lz4, the cheaper method for a row written once and read once', async () => {
    const ingest = createPgIngest(t.db, t.config);
    const events = Array.from({ length: 60 }, (_, j) => ({ type: 'view', pv: `lz-${j}`, path: `/articles/lz-${j}`, article: `lz-${j}`, locale: 'en' }));
    await ingest.store(events as never, { ip: '192.0.2.7', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0', now: TS });
    await ingest.close();
    const rows = await t.db.$client<Array<{ method: string | null; bytes: number }>>`
      SELECT pg_column_compression(events) AS method, octet_length(events) AS bytes FROM rollup_batches WHERE size = 60`;
    expect(rows).toEqual([{ method: 'lz4', bytes: expect.any(Number) }]);
    expect(rows[0]!.bytes).toBeGreaterThan(2048); // large enough that PostgreSQL compresses it
    expect(await settlePgRollups(t.db, zone)).toBe(60);
  });
});

describe.skipIf(!pgTestUrl)(`migration 0007 keeps events queued one row each before it${pgTestUrl ? '' : ` (skipped: ${NO_PG})`}`, () => {
  const name = `kb_t_q${process.pid}`;
  const dirs: string[] = [];
  let admin: postgres.Sql;
  beforeAll(async () => {
    admin = postgres(pgTestUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  });
  afterAll(async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** The committed migrations up to (not including) `tag`, as a folder drizzle's migrator reads. */
  function migrationsBefore(tag: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'kb-migrations-'));
    dirs.push(dir);
    cpSync(fileURLToPath(new URL('../../db/pg/migrations', import.meta.url)), dir, { recursive: true });
    const journalPath = join(dir, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
    journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === tag));
    writeFileSync(journalPath, JSON.stringify(journal));
    return dir;
  }

  it('counts every event a node queued before the upgrade, once', async () => {
    const db = openPg(databaseUrl(pgTestUrl!, name), { max: 2 });
    try {
      await migrate(db, { migrationsFolder: migrationsBefore('0007_rollup_batches') });
      // 2,500 views queued by an older node: more than one batch's worth of the migration's grouping.
      await db.$client`
        WITH e AS (INSERT INTO events (id, ts, type, visitor, session_id, pv, article, locale)
          SELECT nextval('events_id_seq'), ${TS}::int8 + g, 'view', 'v' || (g % 40), 1 + g % 40, 'pv' || g, 'old', 'en' FROM generate_series(1, 2500) g
          RETURNING id)
        INSERT INTO rollup_queue SELECT id FROM e`;
      await migratePg(db);
      const [{ batches, queued }] = await db.$client<[{ batches: number; queued: number }]>`
        SELECT count(*) AS batches, sum(size) AS queued FROM rollup_batches WHERE events IS NULL`;
      expect(queued).toBe(2500);
      expect(batches).toBeGreaterThan(1);
      expect(await settlePgRollups(db, zone, 1000)).toBe(2500);
      const [{ views }] = await db.$client<[{ views: number }]>`SELECT views FROM site_days WHERE locale = '*'`;
      expect(views).toBe(2500);
    } finally {
      await db.$client.end();
    }
  });
});
