import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngest } from '../../db/tracking/writer.ts';
import { settlePgRollups } from '../../db/pg/rollups/applier.ts';
import { createPgIngest } from '../../db/pg/tracking/writer.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { NO_PG, pgTestUrl, tempPg, type TempPg } from '../helpers/pg.ts';
import { traffic } from '../helpers/traffic.ts';

// A zone with a half-hour offset and a DST change inside the range, so local days matter.
const zone = 'Australia/Adelaide';
const TABLES: Record<string, string> = {
  site_days: 'locale, day',
  article_days: 'locale, day, article',
  article_read_days: 'locale, day, article',
  article_day_visitors: 'article, locale, day, visitor',
  article_sessions: 'session_id, article, locale',
  article_comments: 'event_id',
  site_day_visitors: 'locale, day, visitor',
  session_facts: 'session_id, locale',
  query_days: 'locale, day, query',
  query_sessions: 'session_id, query, locale',
  search_clicks: 'search_id',
  page_views: 'pv',
};

/** Rows as plain values: booleans as 0/1 and blobs as hex, so both engines' rows compare as equal. */
const plain = (rows: Array<Record<string, unknown>>) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : Buffer.isBuffer(v) ? v.toString('hex') : v])));

describe.skipIf(!pgTestUrl)(`event rollups on PostgreSQL equal SQLite's for the same requests${pgTestUrl ? '' : ` (skipped: ${NO_PG})`}`, () => {
  let lite: TempDb;
  let pg: TempPg;
  const requests = traffic({
    seed: 7, start: Date.UTC(2026, 3, 1, 10), days: 6, visitors: 300,
    articles: ['reset-password', 'billing-faq', 'two-factor', 'refunds'], locales: ['en', 'fa'],
  });

  beforeAll(async () => {
    lite = tempDb({ KB_TZ: zone });
    pg = await tempPg({ KB_TZ: zone });
    const a = createIngest(lite.db, lite.config);
    const b = createPgIngest(pg.db, pg.config);
    for (const r of requests) {
      await a.store(r.events, r.client);
      await b.store(r.events, r.client);
    }
    await a.close();
    await b.close();
    // Half now, the rest in small chunks: a chunk boundary must change nothing.
    await settlePgRollups(pg.db, zone, 37);
  }, 120_000);
  afterAll(async () => {
    lite.cleanup();
    await pg.cleanup();
  });

  it('stores the same events, sessions and attributions', async () => {
    expect(requests.length).toBeGreaterThan(1500);
    const cols = 'id, ts, type, visitor, session_id, pv, article, locale, seconds, scroll, helpful, query_norm, results, attributed_article, clicked';
    const a = lite.db.$client.prepare(`SELECT ${cols} FROM events ORDER BY id`).all() as Array<Record<string, unknown>>;
    const b = await pg.db.$client.unsafe(`SELECT ${cols} FROM events ORDER BY id`);
    // Visitor hashes differ (each database has its own salts); sessions must line up one to one.
    const strip = (rows: Array<Record<string, unknown>>) => plain(rows).map(({ visitor: _, ...r }) => r);
    expect(strip(b as never)).toEqual(strip(a));
    expect(a.filter((r) => r.attributed_article).length).toBeGreaterThan(20);
  });

  for (const [table, key] of Object.entries(TABLES)) {
    it(`${table} holds the same rows`, async () => {
      const a = lite.db.$client.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).all() as Array<Record<string, unknown>>;
      const b = (await pg.db.$client.unsafe(`SELECT * FROM ${table} ORDER BY ${key}`)) as unknown as Array<Record<string, unknown>>;
      const noVisitor = (rows: Array<Record<string, unknown>>) => plain(rows).map(({ visitor: _, ...r }) => r);
      expect(b.length).toBe(a.length);
      expect(noVisitor(b)).toEqual(noVisitor(a));
    });
  }

  it('leaves nothing in the queue', async () => {
    const [{ n }] = await pg.db.$client<[{ n: number }]>`SELECT count(*) AS n FROM rollup_batches`;
    expect(n).toBe(0);
  });
});
