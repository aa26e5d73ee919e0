import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.ts';
import { applyEventRollups, type StoredEvent } from '../../db/reports/rollups/events.ts';
import { ensureRollups, rebuildRollups, rollupTimeZone } from '../../db/reports/rollups/rebuild.ts';
import { getOverviewReport } from '../../db/reports/getOverviewReport.ts';
import { sqliteReportReads } from '../../db/reports/report-reads.ts';
import { createRuntime } from '../../api/runtime.ts';
import { dbOf, tempDb, type TempDb } from '../helpers/db.ts';
import { catalog } from './catalog-fixture.ts';
import { eventStore } from './store.ts';

const TABLES = ['page_views', 'article_days', 'article_read_days', 'article_day_visitors', 'article_sessions', 'article_comments', 'site_days', 'site_day_visitors', 'session_facts', 'query_days', 'query_sessions', 'search_clicks'];

let t: TempDb;
beforeEach(() => {
  t = tempDb({ KB_TZ: 'America/Sao_Paulo' });
});
afterEach(() => t.cleanup());

const snapshot = () =>
  Object.fromEntries(TABLES.map((tb) => [tb, t.db.$client.prepare(`SELECT * FROM ${tb}`).all().map((r) => JSON.stringify(r)).sort()]));

describe('rollups', () => {
  it('come out the same whether kept batch by batch at ingest or rebuilt from the raw events', () => {
    generate(t.db.$client, {
      from: '2026-02-01', days: 6, timeZone: t.config.timeZone, events: 3000, tickets: 0, locales: ['en', 'ru'], attributionMinutes: 30,
      articles: [{ slug: 'a', category: 'x' }, { slug: 'b', category: 'x' }], ticketTags: ['t'], ticketTypes: ['q'],
    });
    // Replay every event in small batches, as the ingest writer's group commits would.
    const rows = t.db.$client.prepare('SELECT * FROM events ORDER BY id').all() as Array<Record<string, unknown>>;
    const events = rows.map((r) => ({
      id: r.id, ts: r.ts, type: r.type, visitor: r.visitor, sessionId: r.session_id, pv: r.pv, path: r.path, article: r.article,
      locale: r.locale, seconds: r.seconds, scroll: r.scroll, helpful: r.helpful === null ? null : r.helpful === 1, query: r.query,
      queryNorm: r.query_norm, results: r.results, position: r.position, comment: r.comment, referrerHost: r.referrer_host, via: r.via,
      attributedArticle: r.attributed_article, clicked: r.clicked === 1,
    })) as StoredEvent[];
    for (let i = 0; i < events.length; i += 7) t.db.transaction((tx) => applyEventRollups(tx, events.slice(i, i + 7), t.config));
    const incremental = snapshot();
    expect((incremental.site_days as unknown[]).length).toBeGreaterThan(0);
    rebuildRollups(t.db, t.config);
    expect(snapshot()).toEqual(incremental);
  });

  it('are rebuilt in the new zone when KB_TZ changes', async () => {
    // 02:30 UTC on 2 March is still 1 March in São Paulo (UTC-3)
    await eventStore(t).add({ type: 'view', at: '2026-03-01 23:30', session: 1, pv: 'p', article: 'a', locale: 'en' });
    const range = { from: '2026-03-01', to: '2026-03-02', interval: 'day' as const };
    const days = async (zone: string) => (await getOverviewReport(sqliteReportReads(t.db), { ...range, timeZone: zone }, catalog)).series.map((p) => p.views);
    expect((await days('America/Sao_Paulo'))).toEqual([1, 0]);
    expect(ensureRollups(t.db, t.config)).toBe(true); // never recorded, events present -> rebuilt once
    expect(ensureRollups(t.db, t.config)).toBe(false);
    const kb = await createRuntime({ ...t.config, timeZone: 'UTC' });
    try {
      expect(rollupTimeZone(dbOf(kb))).toBe('UTC');
      expect((await getOverviewReport(sqliteReportReads(dbOf(kb)), { ...range, timeZone: 'UTC' }, catalog)).series.map((p) => p.views)).toEqual([0, 1]);
    } finally {
      await kb.close();
    }
  });
});
