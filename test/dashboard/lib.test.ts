/** The dashboard's pure helpers: ranges, formatting, sorting, chart data, CSRF tokens, redirects, the import form. */
import { describe, expect, it } from 'vitest';
import { parseRange, previousRange, rangeQuery, defaultInterval } from '../../site/lib/admin/range.ts';
import { formatChange, formatCount, formatMinutes, formatPointChange, formatRate, formatSeconds } from '../../site/lib/admin/format.ts';
import { parseSort, sortHref, sortRows } from '../../site/lib/admin/sort.ts';
import { forecastChart, periodStart, seriesChart } from '../../site/lib/admin/chart-spec.ts';
import { isSameOriginRequest } from '../../api/http/same-origin.ts';
import { safeNext, sessionCookieOptions } from '../../site/lib/admin/session.ts';
import { readOutcome, toApiForm } from '../../site/lib/admin/import-form.ts';
import { topicRows } from '../../site/lib/admin/topics.ts';
import { visibleGaps, gapLink } from '../../site/lib/admin/gaps.ts';
import type { GapKind } from '../../db/shared/reports.ts';

const NOW = new Date('2026-03-31T22:30:00Z');

describe('date range', () => {
  it('defaults to the last 28 complete days, ending yesterday in the report time zone, as the API does', () => {
    // 22:30 UTC on 31 March is already 1 April in Tokyo (UTC+9): yesterday there is 31 March.
    const r = parseRange(new URLSearchParams(), 'Asia/Tokyo', NOW);
    expect(r).toMatchObject({ from: '2026-03-04', to: '2026-03-31', interval: 'day', locale: '', preset: 28 });
    expect(parseRange(new URLSearchParams(), 'UTC', NOW)).toMatchObject({ from: '2026-03-03', to: '2026-03-30', preset: 28 });
  });

  it('takes a preset of 7, 28 or 90 complete days ending yesterday', () => {
    expect(parseRange(new URLSearchParams('days=90'), 'UTC', NOW)).toMatchObject({ from: '2025-12-31', to: '2026-03-30', preset: 90 });
    expect(parseRange(new URLSearchParams('days=7'), 'UTC', NOW)).toMatchObject({ from: '2026-03-24', to: '2026-03-30', preset: 7 });
    expect(parseRange(new URLSearchParams('days=13'), 'UTC', NOW).preset).toBe(28);
    // today only when asked for
    expect(parseRange(new URLSearchParams('from=2026-03-25&to=2026-03-31'), 'UTC', NOW)).toMatchObject({ to: '2026-03-31', preset: undefined });
  });

  it('swaps a reversed range, ignores malformed dates and unknown locales', () => {
    const r = parseRange(new URLSearchParams('from=2026-03-10&to=2026-03-01&locale=xx&interval=week'), 'UTC', NOW);
    expect(r).toMatchObject({ from: '2026-03-01', to: '2026-03-10', locale: '', interval: 'week', preset: undefined });
    expect(parseRange(new URLSearchParams('from=2026-02-31'), 'UTC', NOW).from).toBe('2026-03-03');
  });

  it('gives the period of the same length just before a range', () => {
    const r = parseRange(new URLSearchParams('from=2026-03-01&to=2026-03-28'), 'UTC', NOW);
    expect(previousRange(r)).toMatchObject({ from: '2026-02-01', to: '2026-02-28', interval: 'day' });
  });

  it('picks weeks for long ranges and months for very long ones', () => {
    expect([defaultInterval(28), defaultInterval(180), defaultInterval(700)]).toEqual(['day', 'week', 'month']);
  });

  it('writes the report query with the locale only when one is chosen', () => {
    const r = parseRange(new URLSearchParams('from=2026-03-01&to=2026-03-07&locale=fa'), 'UTC', NOW);
    expect(rangeQuery(r, { list: 'topics', skip: undefined })).toBe('from=2026-03-01&to=2026-03-07&interval=day&locale=fa&list=topics');
  });
});

describe('formatting', () => {
  it('shows rates as percentages and missing figures as a dash', () => {
    expect([formatRate(0.253), formatRate(null), formatRate(Number.NaN), formatCount(12345)]).toEqual(['25.3%', '–', '–', '12,345']);
  });

  it('shows durations in the largest sensible units', () => {
    // a number keeps its unit on the same line (no-break space), so "11 min 44 s" wraps only as "11 min" / "44 s"
    const plain = (s: string) => s.replace(/\u00a0/g, ' ');
    expect([formatSeconds(45), formatSeconds(185), formatSeconds(7800)].map(plain)).toEqual(['45 s', '3 min 5 s', '2 h 10 min']);
    expect([formatMinutes(35), formatMinutes(260), formatMinutes(60 * 24 * 3 + 120)].map(plain)).toEqual(['35 min', '4 h 20 min', '3 d 2 h']);
    expect(formatSeconds(704)).toBe('11\u00a0min 44\u00a0s');
  });

  it('shows a relative change with its sign', () => {
    expect([formatChange(0.253), formatChange(-0.1), formatChange(0), formatChange(null)]).toEqual(['+25%', '−10%', '±0%', '–']);
  });

  it('shows a change between two rates in percentage points', () => {
    expect([formatPointChange(0.2, 0.15), formatPointChange(0.1, 0.142), formatPointChange(0.1, null)]).toEqual(['−5.0 pt', '+4.2 pt', '–']);
  });
});

describe('sorting', () => {
  const rows = [
    { title: 'b', views: 10, contactRate: 0.2 },
    { title: 'a', views: 30, contactRate: null },
    { title: 'c', views: 20, contactRate: 0.1 },
  ];

  it('sorts by a column either way, rows without a value last', () => {
    expect(sortRows(rows, { column: 'views', dir: 'desc' }).map((r) => r.title)).toEqual(['a', 'c', 'b']);
    expect(sortRows(rows, { column: 'contactRate', dir: 'asc' }).map((r) => r.title)).toEqual(['c', 'b', 'a']);
    expect(sortRows(rows, { column: 'contactRate', dir: 'desc' }).map((r) => r.title)).toEqual(['b', 'c', 'a']);
  });

  it('falls back for unknown columns and links a heading to the other direction', () => {
    const fallback = { column: 'worst', dir: 'desc' } as const;
    expect(parseSort(new URLSearchParams('sort=evil'), ['views'], fallback)).toEqual(fallback);
    const url = new URL('http://x/admin/articles?from=2026-03-01&sort=views&dir=desc');
    const current = parseSort(url.searchParams, ['views'], fallback);
    expect(sortHref(url, 'views', current)).toBe('/admin/articles?from=2026-03-01&sort=views&dir=asc');
    expect(sortHref(url, 'title', current)).toBe('/admin/articles?from=2026-03-01&sort=title&dir=desc');
  });
});

describe('chart data', () => {
  it('reads day, month and ISO-week periods as UTC midnights', () => {
    expect(periodStart('2026-03-14')).toBe(Date.UTC(2026, 2, 14) / 1000);
    expect(periodStart('2026-03')).toBe(Date.UTC(2026, 2, 1) / 1000);
    expect(periodStart('2026-W11')).toBe(Date.UTC(2026, 2, 9) / 1000);
    expect(periodStart('soon')).toBeUndefined();
  });

  it('turns series rows into sorted columns with nulls for missing values', () => {
    const spec = seriesChart(
      [{ period: '2026-03-02', v: 5 }, { period: '2026-03-01', v: null }],
      [{ label: 'Views per day', unit: 'count' }],
      [{ label: 'Views', axis: 0, color: 1, kind: 'line', value: (r) => r.v }],
    );
    expect(spec.x).toEqual([Date.UTC(2026, 2, 1) / 1000, Date.UTC(2026, 2, 2) / 1000]);
    expect(spec.series[0]!.values).toEqual([null, 5]);
  });

  it('joins the forecast to the last real day so the line is unbroken', () => {
    const spec = forecastChart([{ period: '2026-03-01', tickets: 4 }, { period: '2026-03-02', tickets: 6 }], [{ date: '2026-03-03', tickets: 7 }]);
    expect(spec.series.map((s) => s.values)).toEqual([[4, 6, null], [null, 6, 7]]);
  });
});

describe('cross-site protection', () => {
  it('refuses requests the browser marks as cross-site or from another origin', () => {
    const h = (init: Record<string, string>) => new Headers(init);
    const sameOrigin = (headers: Headers) => isSameOriginRequest(headers, 'http://127.0.0.1:4321/admin', 'http://127.0.0.1:4321');
    expect(sameOrigin(h({ origin: 'http://127.0.0.1:4321', 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(sameOrigin(h({}))).toBe(true);
    expect(sameOrigin(h({ origin: 'https://evil.example' }))).toBe(false);
    expect(sameOrigin(h({ origin: 'null' }))).toBe(false);
    expect(sameOrigin(h({ origin: 'http://127.0.0.1:4321', 'sec-fetch-site': 'cross-site' }))).toBe(false);
    expect(sameOrigin(h({ 'sec-fetch-site': 'same-site' }))).toBe(false);
    // Another port is another origin, though SameSite=Strict cookies travel to it.
    expect(sameOrigin(h({ origin: 'http://127.0.0.1:9999' }))).toBe(false);
  });

  it('never redirects outside /admin after login', () => {
    for (const bad of ['//evil.example', 'https://evil.example/admin', '/\\evil.example', '/administrator', '/admin/login?next=/admin', '', null]) {
      expect(safeNext(bad)).toBe('/admin');
    }
    expect(safeNext('/admin/articles?sort=views')).toBe('/admin/articles?sort=views');
  });

  it('marks the session cookie Secure only on an https site', () => {
    expect(sessionCookieOptions('https://help.example.com').secure).toBe(true);
    expect(sessionCookieOptions('http://127.0.0.1:4321')).toEqual({ httpOnly: true, sameSite: 'strict', path: '/', secure: false, maxAge: 7 * 24 * 60 * 60 });
  });
});

describe('import form', () => {
  it('passes the file and options to the API and leaves the CSRF field behind', () => {
    const form = new FormData();
    form.set('csrf', 'x');
    form.set('file', new File(['Id\n1\n'], 'export.csv'));
    form.set('mapping', new File([], ''));
    form.set('preset', 'zendesk');
    form.set('tz', ' Europe/Berlin ');
    form.set('dryRun', '1');
    const out = toApiForm(form);
    expect([...out.keys()].sort()).toEqual(['dryRun', 'file', 'preset', 'tz']);
    expect(out.get('tz')).toBe('Europe/Berlin');
  });

  it('asks for a file when none was chosen', () => {
    expect(() => toApiForm(new FormData())).toThrow('Choose a file to import.');
  });

  it('reads a success and an error envelope with its row errors', () => {
    expect(readOutcome(200, { imported: 3, updated: 1, skipped: 0, errors: [] }, false)).toMatchObject({ ok: true, imported: 3, updated: 1, errorCount: 0 });
    const bad = readOutcome(422, { error: { message: 'The file has bad rows; nothing was imported.', details: [], result: { errors: [{ line: 4, column: 'Created at', value: 'yesterday', reason: 'not a date' }], errorCount: 130 } } }, false);
    expect(bad).toMatchObject({ ok: false, message: 'The file has bad rows; nothing was imported.', errorCount: 130 });
    expect(bad.errors).toEqual([{ line: 4, column: 'Created at', value: 'yesterday', reason: 'not a date' }]);
  });
});

describe('topics and gaps', () => {
  it('orders topics by fewest views per ticket first', () => {
    const rows = topicRows([
      { category: 'a', title: 'A', views: 100, tickets: 10, viewsPerTicket: 10, ticketTags: [], ticketTypes: [] },
      { category: 'b', title: '', views: 50, tickets: 25, viewsPerTicket: 2, ticketTags: [], ticketTypes: [] },
      { category: 'c', title: 'C', views: 5, tickets: 0, viewsPerTicket: null, ticketTags: [], ticketTypes: [] },
    ]);
    expect(rows.map((r) => [r.category, r.title])).toEqual([['b', 'b'], ['a', 'A'], ['c', 'C']]);
    expect(rows.every((r) => r.viewsChange === null)).toBe(true);
  });

  it('says how each topic moved against the previous period', () => {
    const row = (views: number, tickets: number) => ({ category: 'pay', title: 'Pay', views, tickets, viewsPerTicket: null, ticketTags: [], ticketTypes: [] });
    const [t] = topicRows([row(150, 30)], [row(100, 40)]);
    expect(t).toMatchObject({ viewsChange: 0.5, ticketsChange: -0.25, viewsPerTicket: 5 });
  });

  it('filters the queue by group and pages it, keeping its order', () => {
    const gaps = Array.from({ length: 50 }, (_, i) => ({ kind: (i % 2 ? 'zero_result_query' : 'unhelpful') as GapKind, key: `k${i}` }));
    expect(visibleGaps(gaps, '', false)).toMatchObject({ total: 50 });
    expect(visibleGaps(gaps, '', false).rows).toHaveLength(40);
    expect(visibleGaps(gaps, 'articles', false).rows.every((g) => g.kind === 'unhelpful')).toBe(true);
    expect(visibleGaps(gaps, 'searches', true).rows).toHaveLength(25);
    expect(gapLink({ kind: 'unhelpful', key: 'a b' }, 'from=x')).toBe('/admin/articles/a%20b?from=x');
    expect(gapLink({ kind: 'zero_result_query', key: 'q' }, '')).toBeUndefined();
  });
});
