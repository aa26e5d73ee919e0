import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.ts';
import { rawFigures, type RawFigures } from '../../bench/raw-scan.ts';
import { rebuildRollups } from '../../db/reports/rollups/rebuild.ts';
import { getArticleReport } from '../../db/reports/getArticleReport.ts';
import { sqliteReportReads } from '../../db/reports/report-reads.ts';
import { getOverviewReport } from '../../db/reports/getOverviewReport.ts';
import { getSearchReport } from '../../db/reports/getSearchReport.ts';
import { getTicketReport } from '../../db/reports/getTicketReport.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { catalog } from './catalog-fixture.ts';

// Generated traffic around a DST change in a zone with a half-hour offset change, so day edges matter.
const zone = 'Australia/Adelaide';
let t: TempDb;
let raw: RawFigures;
const filters = { from: '2026-03-25', to: '2026-04-14', interval: 'week' as const, timeZone: zone };

beforeAll(() => {
  t = tempDb({ KB_TZ: zone });
  generate(t.db.$client, {
    from: '2026-03-20', days: 30, timeZone: zone, events: 6000, tickets: 600, locales: ['en', 'fa'], attributionMinutes: 30,
    articles: [{ slug: 'reset-password', category: 'account' }, { slug: 'billing-faq', category: 'billing' }, { slug: 'other', category: 'billing' }],
    ticketTags: ['login', 'invoice', 'misc'], ticketTypes: ['question', 'billing'],
  });
  rebuildRollups(t.db, t.config);
  raw = rawFigures(t.db.$client, filters.from, filters.to, zone, 240);
});
afterAll(() => t.cleanup());

describe('reports read from rollups agree with a plain scan of the raw tables', () => {
  it('overview', async () => {
    const { totals } = (await getOverviewReport(sqliteReportReads(t.db), filters, catalog));
    expect(raw.overview.views).toBeGreaterThan(500);
    const { views, visitors, searches, contacts, sessions, contacted, foundAnswer, failed, tickets, requesters } = totals;
    expect({ views, visitors, searches, contacts, sessions, contacted, foundAnswer, failed, tickets, requesters }).toEqual(raw.overview);
  });

  it('articles', async () => {
    const r = (await getArticleReport(sqliteReportReads(t.db), filters, catalog));
    for (const a of r.articles.filter((x) => x.views > 0)) {
      const w = raw.articles[a.slug]!;
      expect({ ...a, readThrough: Math.round((a.readThroughRate ?? 0) * a.views) }).toMatchObject(w);
    }
  });

  it('search and tickets', async () => {
    const s = (await getSearchReport(sqliteReportReads(t.db), filters)).totals;
    expect([s.searches, s.zeroResultSearches, Math.round((s.clickThroughRate ?? 0) * s.searches), s.bouncedSearches]).toEqual([
      raw.search.searches, raw.search.zeroResultSearches, raw.search.clicked, raw.search.bouncedSearches,
    ]);
    const k = (await getTicketReport(sqliteReportReads(t.db), { ...filters, slaFirstResponseMinutes: 240 })).totals;
    expect({
      tickets: k.tickets, solved: k.solved, firstResponseMedian: k.firstResponseMinutes.median, firstResponseP90: k.firstResponseMinutes.p90,
      resolutionMedian: k.resolutionMinutes.median, slaBreaches: k.slaBreaches, csat: k.csat, abandoned: k.abandoned, phoneQueued: k.phoneQueued,
    }).toEqual(raw.tickets);
  });
});
