/**
 * Defect 7: text that visitors or imported files chose (queries, tags, assignees, gap titles) reaches CSV exports,
 * where a spreadsheet would run a cell starting with =, +, -, @, tab or CR as a formula. The one CSV writer
 * prefixes such cells with an apostrophe (OWASP); figures stay numbers.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { catalog } from '../reports/catalog-fixture.ts';
import { addTickets, eventStore } from '../reports/store.ts';

const token = 'csv-injection-token-0123456789';
const auth = { headers: { authorization: `Bearer ${token}` } };
const FORMULAS = ['=HYPERLINK("http://evil.example","click")', '+1+cmd|calc', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];
let t: TempDb;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = tempDb();
  const { add } = eventStore(t);
  await add(...FORMULAS.map((query, i) => ({ type: 'search' as const, at: '2026-03-03 10:00', session: i + 1, query, results: 0, locale: 'en' })));
  addTickets(t, [
    { created: '2026-03-02 08:00', channel: 'email', assignee: '=cmd|/c calc', tags: ['@evil', 'billing'], type: '+type', status: 'solved', solvedAfter: 60 },
    { created: '2026-03-03 08:00', channel: 'email', assignee: 'Ana', tags: ['-minus'], status: 'open' },
  ]);
  app = createApp({ store: t.store, config: t.config, adminToken: token, catalog: async () => catalog });
});
afterAll(() => t.cleanup());

const q = '?from=2026-03-01&to=2026-03-07';

async function csvCells(report: string, list: string): Promise<string[]> {
  const res = await app.request(`/api/reports/${report}${q}&format=csv&list=${list}`, auth);
  expect(res.status, `${report} ${list}`).toBe(200);
  return (parse(await res.text(), { relax_quotes: true }) as string[][]).flat();
}

describe('CSV exports', () => {
  it.each([
    ['search', 'queries'],
    ['search', 'zeroResultQueries'],
    ['gaps', 'gaps'],
    ['tickets', 'assignees'],
    ['tickets', 'tags'],
    ['tickets', 'types'],
  ])('%s %s: no cell starts with a formula character', async (report, list) => {
    const cells = await csvCells(report, list);
    expect(cells.length).toBeGreaterThan(1);
    for (const cell of cells) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('keeps the text, behind an apostrophe, and leaves figures as numbers', async () => {
    const queries = await csvCells('search', 'zeroResultQueries');
    expect(queries).toContain(`'=hyperlink("http://evil.example","click")`);
    expect(queries).toContain(`'@sum(a1:a9)`);
    expect(await csvCells('tickets', 'assignees')).toContain(`'=cmd|/c calc`);
    const totals = parse(await (await app.request(`/api/reports/overview${q}&format=csv&list=totals`, auth)).text(), { columns: true }) as Array<Record<string, string>>;
    expect(Number(totals[0]!.searches)).toBe(FORMULAS.length);
  });
});
