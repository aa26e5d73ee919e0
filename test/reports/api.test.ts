import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { loadCatalog } from '../../api/content/read-catalog.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { catalog } from './catalog-fixture.ts';
import { addTickets, eventStore } from './store.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const token = 'test-admin-token-123456';
const auth = { headers: { authorization: `Bearer ${token}` } };
let t: TempDb;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = tempDb({ KB_TZ: 'Europe/Berlin' });
  const { add } = eventStore(t);
  await add(
    { type: 'view', at: '2026-03-02 10:00', session: 1, pv: 'p1', article: 'reset-password', locale: 'en' },
    { type: 'read', at: '2026-03-02 10:01', session: 1, pv: 'p1', article: 'reset-password', locale: 'en', seconds: 37, scroll: 92 },
    { type: 'vote', at: '2026-03-02 10:02', session: 1, pv: 'p1', article: 'reset-password', locale: 'en', helpful: true },
    { type: 'search', at: '2026-03-03 10:00', session: 2, query: 'Refund "now", please', results: 0, locale: 'en' },
    { type: 'contact', at: '2026-03-03 10:01', session: 2, via: 'cta', locale: 'en' },
  );
  addTickets(t, [
    { created: '2026-03-02 08:00', channel: 'email', firstResponseAfter: 20, requester: 'r1', status: 'solved', solvedAfter: 90 },
    { created: '2026-03-03 08:00', channel: 'phone', waitSeconds: 30, firstResponseAfter: 300, requester: 'r2' },
  ]);
  app = createApp({ store: t.store, config: t.config, adminToken: token, catalog: async () => catalog });
});
afterAll(() => t.cleanup());

const q = '?from=2026-03-01&to=2026-03-07';

describe('GET /api/reports/*', () => {
  it.each(['overview', 'articles', 'search', 'gaps', 'tickets'])('answers 401 without the admin token (%s)', async (name) => {
    const res = await app.request(`/api/reports/${name}${q}`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const wrong = await app.request(`/api/reports/${name}${q}`, { headers: { authorization: 'Bearer wrong-token-000000000' } });
    expect(wrong.status).toBe(401);
  });

  it('answers the SPEC 7 envelope with the admin token', async () => {
    const res = await app.request(`/api/reports/overview${q}&interval=week`, auth);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ from: '2026-03-01', to: '2026-03-07', interval: 'week', totals: { views: 1, tickets: 2, searches: 1 } });
    // 1 March 2026 is a Sunday: its week row is clipped to the range and named by that Sunday, not Monday 23 February
    expect((body.series as Array<{ period: string }>).map((p) => p.period)).toEqual(['2026-03-01', '2026-03-02']);
  });

  it('rejects bad queries with a 400 that names the field', async () => {
    const cases: Array<[string, string]> = [
      ['?from=2026-03-07&to=2026-03-01', 'must not be after'],
      ['?from=2026-02-30', 'not a real calendar date'],
      ['?from=03/01/2026', 'YYYY-MM-DD'],
      ['?interval=year', 'interval'],
      ['?from=2020-01-01&to=2026-01-01', 'at most 732'],
      ['?colour=red', 'unknown parameter'],
      ['?format=csv&list=nope', 'no list'],
    ];
    for (const [query, text] of cases) {
      const res = await app.request(`/api/reports/tickets${query}`, auth);
      expect(res.status, query).toBe(400);
      expect(JSON.stringify(await res.json()), query).toContain(text);
    }
    expect((await app.request(`/api/reports/nope${q}`, auth)).status).toBe(404);
  });

  it('answers CSV with the same numbers as JSON, for the series and for a list', async () => {
    for (const name of ['overview', 'articles', 'search', 'gaps', 'tickets']) {
      const json = (await (await app.request(`/api/reports/${name}${q}`, auth)).json()) as { series: Array<Record<string, unknown>> };
      const res = await app.request(`/api/reports/${name}${q}&format=csv`, auth);
      expect(res.headers.get('content-type')).toContain('text/csv');
      const rows = parse(await res.text(), { columns: true }) as Array<Record<string, string>>;
      expect(rows).toHaveLength(json.series.length);
      rows.forEach((row, i) => {
        const point = json.series[i]!;
        for (const [key, value] of Object.entries(point)) {
          if (value !== null && typeof value === 'object') {
            for (const [k, v] of Object.entries(value)) expect(row[`${key}.${k}`], `${name} ${key}.${k}`).toBe(v === null ? '' : String(v));
          } else expect(row[key], `${name} ${key}`).toBe(value === null ? '' : String(value));
        }
      });
    }
    const articles = (await (await app.request(`/api/reports/articles${q}`, auth)).json()) as { articles: Array<{ slug: string; avgReadSeconds: number | null }> };
    const csv = parse(await (await app.request(`/api/reports/articles${q}&format=csv&list=articles`, auth)).text(), { columns: true }) as Array<Record<string, string>>;
    expect(csv.map((r) => [r.slug, r.avgReadSeconds])).toEqual(articles.articles.map((a) => [a.slug, a.avgReadSeconds === null ? '' : String(a.avgReadSeconds)]));
    const queries = parse(await (await app.request(`/api/reports/search${q}&format=csv&list=queries`, auth)).text(), { columns: true }) as Array<Record<string, string>>;
    expect(queries[0]).toMatchObject({ query: 'refund "now", please', searches: '1', contactSessions: '1' });
  });

  it('gives the same numbers through `kb report` as through the API', async () => {
    const content = await loadCatalog(`${root}/content`);
    const api = createApp({ store: t.store, config: t.config, adminToken: token, catalog: async () => content });
    const env = { ...process.env, KB_DB: t.file, KB_TZ: 'Europe/Berlin' };
    const kb = (args: string[]) => run(process.execPath, ['--import', 'tsx', 'bin/cli/main.ts', 'report', ...args], { cwd: root, env });
    for (const name of ['overview', 'tickets']) {
      const fromApi = await (await api.request(`/api/reports/${name}${q}&interval=week`, auth)).json();
      const { stdout } = await kb([name, '--from', '2026-03-01', '--to', '2026-03-07', '--interval', 'week', '--format', 'json']);
      expect(JSON.parse(stdout)).toEqual(fromApi);
    }
    const { stdout: table } = await kb(['tickets', '--from', '2026-03-01', '--to', '2026-03-07']);
    // first responses 20 and 300 minutes: median 160, one SLA breach
    expect(table).toMatch(/firstResponseMinutes\.median\s+160\n/);
    expect(table).toMatch(/slaBreaches\s+1\n/);
    const { stdout: csv } = await kb(['search', '--from', '2026-03-01', '--to', '2026-03-07', '--format', 'csv', '--list', 'zeroResultQueries']);
    expect(parse(csv, { columns: true })).toMatchObject([{ query: 'refund "now", please', zeroResultSearches: '1' }]);
  }, 120_000); // four CLI processes, each compiling with tsx: slow on a loaded 2-core machine
});
