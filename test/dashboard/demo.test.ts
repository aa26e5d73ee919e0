/** `kb demo`'s data tells the story the dashboard is meant to show, read back through the real report routes. */
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../api/runtime.ts';
import { generateDemo, type DemoSummary } from '../../bin/demo/generate.ts';
import { dbOf, tempDb, type TempDb } from '../helpers/db.ts';
import { loadSearchDir } from '../../api/search/service.ts';
import { searchTotalOf } from '../../bin/demo/search.ts';
import type { ImportRecord } from '../../db/shared/imports.ts';
import type { ArticleReport, OverviewReport, SearchReport, TicketReport } from '../../db/shared/reports.ts';

const contentDir = fileURLToPath(new URL('../../content', import.meta.url));
// The built site's own index (test/global-setup.ts builds it), as GET /api/search answers.
const site = loadSearchDir(fileURLToPath(new URL('../../dist/search', import.meta.url)));
const searchTotal = searchTotalOf(site);
// Noon on a Wednesday in mid-March: 90 days back covers three month-ends.
const NOW = Date.UTC(2026, 2, 18, 12);

let temp: TempDb;
let kb: Runtime;
let summary: DemoSummary;

beforeAll(async () => {
  temp = tempDb({ KB_ADMIN_TOKEN: 'demo-test-token-0123456789' });
  kb = await createRuntime(temp.config);
  summary = await generateDemo(kb.store, kb.config, { contentDir, days: 90, seed: 7, now: NOW, sessionsPerDay: 160, searchTotal });
}, 120_000);
afterAll(async () => {
  await kb.close();
  temp.cleanup();
});

async function report<T>(name: string, query: string): Promise<T> {
  const res = await kb.app.request(`/api/reports/${name}?${query}`, { headers: { authorization: `Bearer ${kb.admin.token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

const all = () => `from=${summary.from}&to=${summary.to}&interval=day`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

describe('demo data', () => {
  it('covers 90 days ending today', () => {
    expect(summary).toMatchObject({ days: 90, from: '2025-12-19', to: '2026-03-18' });
    expect(summary.events).toBeGreaterThan(20_000);
    expect(summary.tickets).toBeGreaterThan(2_000);
  });

  it('has an article for each flag, and the article that has it is the one the story chose', async () => {
    const r = await report<ArticleReport>('articles', all());
    for (const role of ['unhelpful', 'drives_contacts', 'skimmed', 'no_traffic'] as const) {
      const chosen = summary.story.profiles.find((p) => p.role === role)!.article.slug;
      const row = r.articles.find((a) => a.slug === chosen)!;
      expect(row.flags, `${chosen} should be flagged ${role}`).toContain(role);
    }
    expect(r.articles.filter((a) => a.flags.length === 0).length).toBeGreaterThan(r.articles.length / 2);
  });

  it('has searches that find nothing, and searches that end in contact', async () => {
    const r = await report<SearchReport>('search', all());
    expect(r.totals.zeroResultRate).toBeGreaterThan(0.05);
    expect(r.zeroResultQueries.map((q) => q.query)).toContain('gift cards');
    expect(r.contactQueries.length).toBeGreaterThan(5);
  });

  it('counts a search as zero-result exactly when the live search finds no article with every word', async () => {
    const r = await report<SearchReport>('search', all());
    const live = (q: string) => site.search(q, 'en').total;
    expect(live('gift cards')).toBe(0);
    for (const row of r.zeroResultQueries.slice(0, 10)) {
      if (row.zeroResultSearches === row.searches && /^[a-z0-9 ]+$/.test(row.query)) expect(live(row.query), row.query).toBe(0);
    }
    for (const row of r.queries.slice(0, 10)) {
      if (row.zeroResultSearches === 0 && /^[a-z0-9 ]+$/.test(row.query)) expect(live(row.query), row.query).toBeGreaterThan(0);
    }
  });

  it('has more tickets on weekdays and a month-end peak', async () => {
    const r = await report<TicketReport>('tickets', all());
    const byName = Object.fromEntries(r.weekdays.map((w) => [w.weekday, w.tickets]));
    expect(byName[1]!).toBeGreaterThan(byName[7]! * 2);
    // Weekdays only, so the weekend dip does not hide or fake the peak.
    const days = r.series.map((s) => ({ d: DateTime.fromISO(s.period), n: s.tickets })).filter((s) => s.d.weekday <= 5 && s.d.toISODate() !== summary.to);
    const monthEnd = days.filter((s) => s.d.day > s.d.daysInMonth! - 3 || s.d.day === 1);
    const rest = days.filter((s) => !monthEnd.includes(s));
    expect(monthEnd.length).toBeGreaterThan(4);
    expect(mean(monthEnd.map((s) => s.n))).toBeGreaterThan(mean(rest.map((s) => s.n)) * 1.3);
  });

  it('has a topic whose reads rise while its tickets fall', async () => {
    const topic = summary.story.improvingTopic!;
    const first = await report<OverviewReport>('overview', `from=${summary.from}&to=2026-01-17&interval=month`);
    const last = await report<OverviewReport>('overview', `from=2026-02-17&to=${summary.to}&interval=month`);
    const a = first.topics.find((t) => t.category === topic)!;
    const b = last.topics.find((t) => t.category === topic)!;
    expect(b.views).toBeGreaterThan(a.views * 1.5);
    expect(b.tickets).toBeLessThan(a.tickets * 0.75);
  });

  it('gives the same data for the same seed', async () => {
    const counts = async (seed: number) => {
      const t = tempDb();
      try {
        const s = await generateDemo(t.store, t.config, { contentDir, days: 5, seed, now: NOW, sessionsPerDay: 40, searchTotal });
        const types = t.db.$client.prepare('select type, count(*) as n from events group by type order by type').all();
        const tickets = t.db.$client.prepare('select external_id, created_at, channel, csat from tickets order by external_id').all();
        return { events: s.events, types, tickets };
      } finally {
        t.cleanup();
      }
    };
    const [x, y, z] = [await counts(3), await counts(3), await counts(4)];
    expect(y).toEqual(x);
    expect(z).not.toEqual(x);
  });

  it('speaks the language of each locale: searches, comments and contact messages', async () => {
    const cyrillic = /[\u0400-\u04FF]/;
    const arabicScript = /[\u0600-\u06FF]/;
    const ru = await report<SearchReport>('search', `${all()}&locale=ru`);
    expect(ru.queries.length).toBeGreaterThan(3);
    // Russian words, and the few brand names the Russian articles are tagged with (stripe, zoom)
    expect(ru.queries.filter((q) => cyrillic.test(q.query)).length).toBeGreaterThan(ru.queries.length * 0.8);
    for (const q of ru.zeroResultQueries) expect(q.query, q.query).toMatch(cyrillic);
    expect(ru.zeroResultQueries.map((q) => q.query)).toContain('подарочные сертификаты');
    const fa = await report<ArticleReport>('articles', `${all()}&locale=fa`);
    const comments = fa.articles.flatMap((a) => a.comments);
    expect(comments.length).toBeGreaterThan(0);
    for (const c of comments) expect(c.text, c.text).toMatch(arabicScript);
    const ms = await report<SearchReport>('search', `${all()}&locale=ms`);
    expect(ms.zeroResultQueries.map((q) => q.query)).toContain('kad hadiah');
    const requests = dbOf(kb).$client.prepare('SELECT locale, subject, message, viewed_articles AS viewed FROM contact_requests').all() as Array<{ locale: string; subject: string; message: string; viewed: string }>;
    const byLocale = (l: string) => requests.filter((r) => r.locale === l);
    expect(byLocale('ru').every((r) => cyrillic.test(r.message) && cyrillic.test(r.subject))).toBe(true);
    expect(byLocale('fa').every((r) => arabicScript.test(r.message))).toBe(true);
    expect(byLocale('fa').length + byLocale('ru').length + byLocale('ms').length).toBeGreaterThan(0);
    expect(requests.filter((r) => JSON.parse(r.viewed).length > 0).length).toBe(requests.length);
  });

  it('asks each locale\'s gap questions in its language, and the live search finds nothing for them there', async () => {
    const { PHRASES } = await import('../../bin/demo/locale-phrases.ts');
    for (const [locale, book] of Object.entries(PHRASES)) {
      for (const q of book.gapQueries) expect(site.search(q, locale).total, `${locale}: ${q}`).toBe(0);
      const r = await report<SearchReport>('search', `${all()}&locale=${locale}`);
      // Every zero-result query of the locale is one of its gap questions: the list a writer reads is the story.
      for (const row of r.zeroResultQueries) expect(book.gapQueries, `${locale}: ${row.query}`).toContain(row.query);
    }
  });

  it('stores a contact request for every form the tracker saw sent, so the two counts agree', async () => {
    const contact = await report<{ totals: { submitted: number } }>('contact', all());
    expect(summary.requests).toBeGreaterThan(50);
    expect(contact.totals.submitted).toBe(summary.requests);
  });

  it('imports its tickets as two exports, so the import history shows what a lead finds there: counts, errors, who ran it', async () => {
    const res = await kb.app.request('/api/tickets/imports', { headers: { authorization: `Bearer ${kb.admin.token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { imports: ImportRecord[] };
    const byName = new Map(body.imports.map((i) => [i.fileName, i]));
    const helpdesk = byName.get('helpdesk-export.csv')!;
    const calls = byName.get('phone-call-log.csv')!;
    expect(helpdesk).toMatchObject({ status: 'ok', ranBy: 'kb demo', skipped: 0, errors: 0, errorSample: null });
    expect(calls).toMatchObject({ status: 'ok', ranBy: 'kb demo', skipped: 2, errors: 2 });
    expect(calls.errorSample!.map((e) => e.column)).toEqual(['created_at', 'created_at']);
    expect(helpdesk.imported + calls.imported).toBe(summary.tickets);
    const t = await report<TicketReport>('tickets', all());
    expect(t.totals.tickets).toBe(summary.tickets);
  });

  it('has a rewrite that worked when an article was updated inside the days: contacts after reading fall, significantly', async () => {
    const t = tempDb({ KB_ADMIN_TOKEN: 'demo-rewrite-token-0123456789' });
    try {
      const s = await generateDemo(t.store, t.config, { contentDir, days: 60, seed: 5, now: Date.UTC(2026, 11, 1, 12), sessionsPerDay: 160, searchTotal });
      expect(s.story.rewrite).toEqual({ slug: 'fix-calendar-sync-problems', date: '2026-11-03' });
      const { loadCatalog } = await import('../../api/content/read-catalog.ts');
      const r = await t.store.reports.articles({ from: s.from, to: s.to, interval: 'day', timeZone: 'UTC', article: 'fix-calendar-sync-problems' }, await loadCatalog(contentDir));
      const change = r.articles[0]!.changes.find((c) => c.date === '2026-11-03')!;
      expect(change.before.contactRate!).toBeGreaterThan(change.after.contactRate! * 2.5);
      expect(change.significant).toBe(true);
    } finally {
      t.cleanup();
    }
  }, 120_000);
});
