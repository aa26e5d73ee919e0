/**
 * One conformance suite for both storage adapters: the same events, tickets and contact requests, given to a
 * SQLite store and a PostgreSQL store through the Store interface alone, give identical report JSON for every
 * report, range, interval and locale asked (the model is test/reports/raw-agreement.test.ts).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPreset } from '../../db/tickets/profiles.ts';
import { openStore } from '../../db/open-store.ts';
import type { CanonicalTicket, Store } from '../../db/store.ts';
import type { ReportFilters } from '../../db/shared/reports.ts';
import { catalog } from '../reports/catalog-fixture.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { FIXTURES, REAL } from '../helpers/import.ts';
import { NO_PG, pgTestUrl, tempPg, type TempPg } from '../helpers/pg.ts';
import { traffic } from '../helpers/traffic.ts';

// A half-hour zone with a DST change inside the range: day edges differ from UTC's.
const zone = 'Australia/Adelaide';
const START = Date.UTC(2026, 2, 25);

function tickets(): CanonicalTicket[] {
  return Array.from({ length: 900 }, (_, i) => {
    const created = START + i * 2_311_000;
    return {
      externalId: `C${i}`, createdAt: created, firstResponseAt: i % 6 ? created + (i % 300) * 60_000 : null,
      solvedAt: i % 3 ? created + (i % 900) * 60_000 : null, status: ['solved', 'closed', 'open', 'pending'][i % 4]!,
      channel: (['email', 'web', 'phone', 'chat'] as const)[i % 4], type: i % 5 ? 'question' : 'billing', priority: 'normal',
      tags: [['login'], ['invoice', 'refund'], [], ['misc', 'login']][i % 4]!, requester: `person${i % 120}@example.com`,
      assignee: i % 7 ? `agent${i % 6}` : null, replies: i % 4, reopens: i % 9 === 0 ? 1 : 0, csat: [null, 'good', 'bad', 5, 2][i % 5]!,
      handleSeconds: i % 2 ? 200 + i : null, waitSeconds: i % 4 === 2 ? i % 120 : null, abandoned: i % 4 === 2 ? i % 10 === 0 : null,
    };
  });
}

async function feed(store: Store): Promise<void> {
  for (const r of traffic({ seed: 21, start: START + 3_600_000, days: 20, visitors: 400, articles: ['reset-password', 'billing-faq', 'other'], locales: ['en', 'fa'] })) {
    await store.tracking.store(r.events, r.client);
  }
  await store.tracking.flush();
  await store.tickets.upsert(tickets(), { source: 'demo' });
  const zendesk = loadPreset('zendesk');
  await store.tickets.importFile(join(FIXTURES, 'zendesk.csv'), { profile: zendesk, profileLabel: 'preset zendesk', source: 'zendesk' });
  await store.tickets.importFile(join(REAL, 'tickets/servicenow_incidents_final_state.csv'), { profile: loadPreset('servicenow'), profileLabel: 'preset servicenow' });
  for (let i = 0; i < 5; i++) {
    await store.contact.storeRequest(
      { key: `k${i}`, createdAt: START + i * 86_400_000, email: `c${i}@example.com`, subject: 'Help', message: 'Please help', account: null,
        locale: 'en', fromArticle: 'billing-faq', viewedArticles: ['billing-faq'], visitor: `v${i}`, sessionId: null },
      ['webhook'],
    );
  }
}

const RANGES: Array<Omit<ReportFilters, 'timeZone'> & { article?: string }> = [
  { from: '2026-03-25', to: '2026-04-14', interval: 'day' },
  { from: '2026-03-25', to: '2026-04-14', interval: 'week' },
  { from: '2016-01-01', to: '2026-12-31', interval: 'month' },
  { from: '2026-03-28', to: '2026-04-08', interval: 'day', locale: 'fa' },
  { from: '2026-03-25', to: '2026-04-14', interval: 'week', article: 'reset-password' },
];

describe.skipIf(!pgTestUrl)(`the same data through SQLite and PostgreSQL stores gives identical reports${pgTestUrl ? '' : ` (skipped: ${NO_PG})`}`, () => {
  let lite: TempDb;
  let pg: TempPg;
  let a: Store;
  let b: Store;
  beforeAll(async () => {
    lite = tempDb({ KB_TZ: zone });
    lite.db.$client.close();
    pg = await tempPg({ KB_TZ: zone });
    a = await openStore(lite.config, { clock: () => START });
    b = await openStore(pg.config, { clock: () => START });
    await Promise.all([feed(a), feed(b)]);
  }, 180_000);
  afterAll(async () => {
    await a?.admin.close();
    await b?.admin.close();
    lite.cleanup();
    await pg.cleanup();
  });

  for (const range of RANGES) {
    const label = `${range.from}..${range.to} by ${range.interval}${range.locale ? ` in ${range.locale}` : ''}${range.article ? ` for ${range.article}` : ''}`;
    const f = { ...range, timeZone: zone };
    it(`overview, articles, search and gaps, ${label}`, async () => {
      expect(await b.reports.overview(f, catalog)).toEqual(await a.reports.overview(f, catalog));
      expect(await b.reports.articles(f, catalog)).toEqual(await a.reports.articles(f, catalog));
      expect(await b.reports.search(f)).toEqual(await a.reports.search(f));
      expect(await b.reports.gaps(f, catalog)).toEqual(await a.reports.gaps(f, catalog));
    });
    it(`tickets and the contact form, ${label}`, async () => {
      const t = { ...f, slaFirstResponseMinutes: 240, now: Date.UTC(2026, 5, 1) };
      expect(await b.reports.tickets(t)).toEqual(await a.reports.tickets(t));
      expect(await b.reports.contact(f)).toEqual(await a.reports.contact(f));
    });
  }

  it('has something in every report to compare', async () => {
    const f = { ...RANGES[0]!, timeZone: zone };
    const overview = await b.reports.overview(f, catalog);
    expect(overview.totals.views).toBeGreaterThan(300);
    expect(overview.totals.tickets).toBeGreaterThan(300);
    expect(overview.totals.contactsAfterRead).toBeGreaterThan(5);
    expect((await b.reports.search(f)).totals.zeroResultSearches).toBeGreaterThan(5);
    expect((await b.reports.contact(f)).totals.submitted).toBeGreaterThan(5);
    const all = await b.reports.tickets({ ...RANGES[2]!, timeZone: zone, slaFirstResponseMinutes: 240 });
    expect(all.totals.tickets).toBeGreaterThan(20_000); // the real ServiceNow export
  });

  it('gives the same business-clock ticket report, query drill-down and stored-request count', async () => {
    const f = { ...RANGES[0]!, timeZone: zone };
    const hours = { text: 'Mon-Fri 09:00-17:00', windows: [[[540, 1020]], [[540, 1020]], [[540, 1020]], [[540, 1020]], [[540, 1020]], [], []] as Array<Array<[number, number]>>, holidays: ['2026-04-03'] };
    const t = { ...f, slaFirstResponseMinutes: 240, businessHours: hours, now: Date.UTC(2026, 5, 1) };
    const business = await b.reports.tickets(t);
    expect(business.clock).toBe('business');
    expect(business).toEqual(await a.reports.tickets(t));
    expect(business.assignees.length).toBeGreaterThan(3);
    const query = (await a.reports.search(f)).queries[0]!.query;
    expect(await b.reports.queryDetail({ ...f, query })).toEqual(await a.reports.queryDetail({ ...f, query }));
    expect(await b.contact.countRequests('2026-03-25', '2026-04-14')).toBe(await a.contact.countRequests('2026-03-25', '2026-04-14'));
  });

  it('claims a digest period once across both kinds of store', async () => {
    for (const store of [a, b]) {
      const claim = { period: 'week:2026-03-30', owner: 'one', now: 1000, staleBefore: 0, recipients: 'lead@example.com' };
      expect(await store.digest.claim(claim)).toBe(true);
      expect(await store.digest.claim({ ...claim, owner: 'two' })).toBe(false); // live claim
      await store.digest.markFailed({ period: claim.period, owner: 'one', error: 'smtp down', retryAt: 5000, leaseMs: 600 });
      expect(await store.digest.claim({ ...claim, owner: 'two', now: 5001, staleBefore: 4401 })).toBe(true); // stale after the retry time
      await store.digest.markSent(claim.period, 'two', 6000);
      expect(await store.digest.claim({ ...claim, owner: 'three', now: 10_000_000, staleBefore: 9_000_000 })).toBe(false); // sent
      expect(await store.digest.list()).toEqual([
        { period: claim.period, claimedBy: 'two', claimedAt: 5001, sentAt: 6000, recipients: 'lead@example.com', attempts: 2, lastError: null },
      ]);
    }
  });

  it('ranks the home page\'s popular articles by the same views', async () => {
    for (const locale of ['en', 'fa']) {
      const views = await b.reports.articleViews(locale, '2026-03-25', '2026-04-14');
      expect(views.length).toBeGreaterThan(1);
      expect(views).toEqual(await a.reports.articleViews(locale, '2026-03-25', '2026-04-14'));
      // The window's first day starts at local midnight (KB_TZ): both adapters cut it at the same instant.
      expect(await b.reports.articleViews(locale, '2026-03-26', '2026-04-14')).toEqual(await a.reports.articleViews(locale, '2026-03-26', '2026-04-14'));
    }
    expect(await b.reports.articleViews('ru', '2026-03-25', '2026-04-14')).toEqual([]);
  });

  it('lists the same imports and recent contact requests', async () => {
    const strip = (xs: Array<Record<string, unknown>>) => xs.map(({ id: _, startedAt: __, finishedAt: ___, durationMs: ____, ...r }) => r);
    expect(strip((await b.tickets.listImports()) as never)).toEqual(strip((await a.tickets.listImports()) as never));
    expect(strip((await b.contact.recent()) as never)).toEqual(strip((await a.contact.recent()) as never));
  });
});
