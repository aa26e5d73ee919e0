/** SPEC 7 ranges: the default range, week and month rows clipped to the range, compare=previous, thin series points. */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { resolveRange } from '../../api/reports/query.ts';
import { defaultRange, previousPeriod } from '../../db/reports/periods.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { catalog } from './catalog-fixture.ts';
import { addTickets, eventStore, type EventInput } from './store.ts';

const token = 'test-admin-token-ranges-123';
const auth = { headers: { authorization: `Bearer ${token}` } };
let t: TempDb;
let app: ReturnType<typeof createApp>;

const get = async (path: string) => {
  const res = await app.request(path, auth);
  expect(res.status, path).toBe(200);
  return (await res.json()) as Record<string, any>;
};

beforeAll(async () => {
  t = tempDb({ KB_TZ: 'Europe/Berlin', KB_COST_PER_TICKET: '12.5' });
  const { add, close } = eventStore(t);
  const events: EventInput[] = [];
  // One reader on Sunday 1 November who contacts support; 24 sessions on Monday 2 November, 3 of them contact.
  events.push({ type: 'view', at: '2026-11-01 10:00', session: 1, article: 'reset-password', locale: 'en' });
  events.push({ type: 'contact', at: '2026-11-01 10:02', session: 1, via: 'cta', locale: 'en' });
  for (let s = 0; s < 24; s++) {
    events.push({ type: 'view', at: `2026-11-02 ${String(8 + Math.floor(s / 4)).padStart(2, '0')}:${String((s % 4) * 10).padStart(2, '0')}`, session: 100 + s, article: 'billing-faq', locale: 'en' });
    if (s < 3) events.push({ type: 'contact', at: `2026-11-02 ${String(8 + Math.floor(s / 4)).padStart(2, '0')}:${String((s % 4) * 10 + 2).padStart(2, '0')}`, session: 100 + s, via: 'cta', locale: 'en' });
  }
  // The previous 18 days (14..31 October) and the month before: something to compare with.
  events.push({ type: 'view', at: '2026-10-20 09:00', session: 200, article: 'billing-faq', locale: 'en' });
  events.push({ type: 'search', at: '2026-10-20 09:05', session: 200, query: 'refund', results: 0, locale: 'en' });
  events.push({ type: 'view', at: '2026-10-15 09:00', session: 201, article: 'reset-password', locale: 'fa' });
  events.sort((a, b) => a.at.localeCompare(b.at));
  await add(...events);
  await close();
  addTickets(t, [
    { created: '2026-10-15 09:00', channel: 'email', status: 'solved', firstResponseAfter: 30, solvedAfter: 60, requester: 'a' },
    { created: '2026-10-20 09:00', channel: 'email', requester: 'b' },
    { created: '2026-11-01 12:00', channel: 'chat', requester: 'c' }, // Sunday
    { created: '2026-11-02 09:00', channel: 'email', requester: 'c' }, // Monday
    { created: '2026-11-02 10:00', channel: 'web', requester: 'd' },
    { created: '2026-11-18 10:00', channel: 'phone', requester: 'e' }, // Wednesday
    { created: '2026-12-03 10:00', channel: 'phone', requester: 'f' },
  ]);
  app = createApp({ store: t.store, config: t.config, adminToken: token, catalog: async () => catalog });
});
afterAll(() => t.cleanup());

describe('the default range', () => {
  it('is the last 28 complete days, ending yesterday in KB_TZ', () => {
    // 23:30 UTC on 15 November is already 16 November in Tokyo: yesterday there is the 15th.
    const now = Date.UTC(2026, 10, 15, 23, 30);
    expect(defaultRange('Asia/Tokyo', now)).toEqual({ from: '2026-10-19', to: '2026-11-15' });
    expect(resolveRange({}, 'Asia/Tokyo', now)).toEqual({ from: '2026-10-19', to: '2026-11-15' });
    expect(resolveRange({}, 'UTC', now)).toEqual({ from: '2026-10-18', to: '2026-11-14' });
    // only one end given: the other is filled the same way
    expect(resolveRange({ to: '2026-03-31' }, 'UTC', now)).toEqual({ from: '2026-03-04', to: '2026-03-31' });
    expect(resolveRange({ from: '2026-11-01' }, 'UTC', now)).toEqual({ from: '2026-11-01', to: '2026-11-14' });
  });

  it('is what every report answers when asked for no range', async () => {
    const expected = defaultRange('Europe/Berlin');
    for (const name of ['overview', 'articles', 'search', 'gaps', 'tickets', 'contact']) {
      const body = await get(`/api/reports/${name}`);
      expect([body.from, body.to], name).toEqual([expected.from, expected.to]);
      expect(body.series, name).toHaveLength(28);
    }
  });
});

describe('week and month rows', () => {
  it('are clipped to the range and named by their first day inside it', async () => {
    // 1 Nov 2026 is a Sunday: its ISO week started Monday 26 October, before the range.
    const weeks = await get('/api/reports/tickets?from=2026-11-01&to=2026-11-18&interval=week');
    expect(weeks.series.map((p: any) => [p.period, p.tickets])).toEqual([
      ['2026-11-01', 1], // Sunday alone
      ['2026-11-02', 2],
      ['2026-11-09', 0],
      ['2026-11-16', 1], // Monday 16 to Wednesday 18, where the range ends
    ]);
    const overview = await get('/api/reports/overview?from=2026-11-01&to=2026-11-18&interval=week');
    expect(overview.series.map((p: any) => [p.period, p.views, p.tickets])).toEqual([
      ['2026-11-01', 1, 1], ['2026-11-02', 24, 2], ['2026-11-09', 0, 0], ['2026-11-16', 0, 1],
    ]);
    const months = await get('/api/reports/tickets?from=2026-10-18&to=2026-12-10&interval=month');
    expect(months.series.map((p: any) => [p.period, p.tickets])).toEqual([['2026-10-18', 1], ['2026-11-01', 4], ['2026-12-01', 1]]);
    // A range on the first of a month starts a row of its own name.
    const whole = await get('/api/reports/search?from=2026-10-01&to=2026-10-31&interval=month');
    expect(whole.series.map((p: any) => p.period)).toEqual(['2026-10-01']);
  });
});

describe('compare=previous', () => {
  const range = { from: '2026-11-01', to: '2026-11-18' };
  it('names the period of the same length that ends the day before from', () => {
    expect(previousPeriod(range.from, range.to)).toEqual({ from: '2026-10-14', to: '2026-10-31' });
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({ from: '2026-01-29', to: '2026-02-28' });
  });

  it.each(['overview', 'articles', 'search', 'gaps', 'tickets', 'contact'])('gives %s the totals of that same report asked for the previous range', async (name) => {
    const withPrevious = await get(`/api/reports/${name}?from=${range.from}&to=${range.to}&compare=previous`);
    const plain = await get(`/api/reports/${name}?from=${range.from}&to=${range.to}`);
    const before = await get(`/api/reports/${name}?from=2026-10-14&to=2026-10-31`);
    expect(withPrevious.previous).toEqual({ from: '2026-10-14', to: '2026-10-31', totals: before.totals });
    const { previous: _, ...rest } = withPrevious;
    expect(rest).toEqual(plain);
  });

  it('is also a CSV list and a 400 for anything but "previous"', async () => {
    const res = await app.request(`/api/reports/overview?from=${range.from}&to=${range.to}&compare=previous&format=csv&list=previous`, auth);
    const [row] = parse(await res.text(), { columns: true }) as Array<Record<string, string>>;
    expect(row).toMatchObject({ from: '2026-10-14', to: '2026-10-31', views: '2', tickets: '2' });
    const bad = await app.request('/api/reports/overview?compare=last-year', auth);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('compare');
  });
});

describe('thin samples', () => {
  it('leaves a series point rate null under 20 in its denominator, and keeps totals and rows exact', async () => {
    const body = await get('/api/reports/articles?from=2026-11-01&to=2026-11-02');
    const [sunday, monday] = body.series;
    // Sunday: one session with one contact is not a 100% contact rate
    expect([sunday.sessions, sunday.contactsAfterRead, sunday.contactRate, sunday.deflectionRate, sunday.readThroughRate]).toEqual([1, 1, null, null, null]);
    // Monday: 24 sessions, 3 contacts
    expect([monday.sessions, monday.contactRate]).toEqual([24, 3 / 24]);
    expect(body.totals.contactRate).toBe(4 / 25);
    const row = body.articles.find((a: any) => a.slug === 'reset-password');
    expect([row.sessions, row.contactRate]).toEqual([1, 1]);
    const overview = await get('/api/reports/overview?from=2026-11-01&to=2026-11-02');
    expect(overview.series.map((p: any) => p.selfServiceRate)).toEqual([null, 1 - 3 / 24]);
  });
});

describe('tickets avoided', () => {
  it('counts sessions that found an answer and prices them with KB_COST_PER_TICKET', async () => {
    const body = await get('/api/reports/overview?from=2026-11-01&to=2026-11-02');
    expect(body.totals.ticketsAvoided).toBe(body.totals.foundAnswer);
    expect(body.totals.ticketsAvoided).toBe(21); // 25 sessions read an article, 4 of them contacted support
    expect(body.totals.costAvoided).toBe(21 * 12.5);
    expect(body.costPerTicket).toBe(12.5);
    expect(body.series.map((p: any) => p.costAvoided)).toEqual([0, 21 * 12.5]);
  });
});

describe('a query\'s drill-down (GET /api/reports/query)', () => {
  it('gives the normalised query\'s figures, the result counts its searches showed, and where it came from', async () => {
    const body = await get('/api/reports/query?q=%20%20REFUND%20&from=2026-10-01&to=2026-10-31');
    expect(body).toMatchObject({
      from: '2026-10-01',
      to: '2026-10-31',
      query: 'refund',
      figures: { searches: 1, zeroResultSearches: 1, zeroResultRate: 1, sessions: 1 },
      resultCounts: [{ results: 0, searches: 1 }],
      locales: [{ locale: 'en', searches: 1 }],
    });
    const missing = await app.request('/api/reports/query?from=2026-10-01', auth);
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain('q');
  });
});

describe('kb report --compare previous', () => {
  it('prints the same JSON as the API', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { fileURLToPath } = await import('node:url');
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const args = ['--import', 'tsx', 'bin/cli/main.ts', 'report', 'tickets', '--from', '2026-11-01', '--to', '2026-11-18', '--compare', 'previous', '--format', 'json'];
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: root, env: { ...process.env, KB_DB: t.file, KB_TZ: 'Europe/Berlin' } });
    const api = await get('/api/reports/tickets?from=2026-11-01&to=2026-11-18&compare=previous');
    const cli = JSON.parse(stdout) as Record<string, any>;
    expect(cli.previous).toEqual(api.previous);
    expect(cli.totals).toEqual(api.totals);
  }, 60_000);
});

