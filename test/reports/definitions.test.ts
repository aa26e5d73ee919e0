/** /admin/definitions and docs/reports.md say the same thing, and every figure a report answers has a definition. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { DEFINITIONS, definitionAnchor, withDefinitionTables, type DefinitionGroup } from '../../api/reports/definitions.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { catalog } from './catalog-fixture.ts';

const docs = fileURLToPath(new URL('../../docs/reports.md', import.meta.url));
const token = 'test-admin-token-definitions';
let t: TempDb;
let app: ReturnType<typeof createApp>;

beforeAll(() => {
  t = tempDb();
  app = createApp({ store: t.store, config: t.config, adminToken: token, catalog: async () => catalog });
});
afterAll(() => t.cleanup());

describe('definitions', () => {
  it('are the tables of docs/reports.md (run npm run docs:definitions after editing them)', () => {
    const text = readFileSync(docs, 'utf8');
    expect(withDefinitionTables(text)).toBe(text);
  });

  it('give every figure one anchor, named after it where it first appears', () => {
    const ids = DEFINITIONS.flatMap((s) => s.figures.flatMap((f) => f.names.map((n) => definitionAnchor(s.group, n))));
    expect(new Set(ids).size).toBe(ids.length);
    for (const name of ['contactRate', 'views', 'ticketsAvoided', 'costAvoided', 'baselineMape', 'significant', 'clock', 'firstContactResolution']) {
      expect(ids).toContain(name);
    }
  });

  it.each([
    ['overview', 'overview'],
    ['articles', 'articles'],
    ['search', 'search'],
    ['gaps', 'gaps'],
    ['tickets', 'tickets'],
    ['contact', 'contact'],
  ] as Array<[string, DefinitionGroup]>)('define every total, series figure and list of the %s report', async (name, group) => {
    const res = await app.request(`/api/reports/${name}?from=2026-03-01&to=2026-03-07`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as Record<string, unknown> & { totals: object; series: object[] };
    const names = new Set([...Object.keys(body.totals), ...Object.keys(body.series[0]!), ...Object.keys(body)]);
    // the envelope, and settings the answer echoes
    for (const key of ['from', 'to', 'interval', 'totals', 'series', 'period', 'slaFirstResponseMinutes', 'costPerTicket', 'businessHours']) names.delete(key);
    // a figure defined by another report's section (views, tickets...) still has its anchor there
    const defined = (n: string) => [group, ...DEFINITIONS.map((s) => s.group)].some((g) => { try { definitionAnchor(g, n); return true; } catch { return false; } });
    expect([...names].filter((n) => !defined(n))).toEqual([]);
  });
});
