import { afterEach, describe, expect, it } from 'vitest';
import { getSearchReport } from '../../db/reports/getSearchReport.ts';
import { sqliteReportReads } from '../../db/reports/report-reads.ts';
import { catchUpAllRollups, rollupWatermark } from '../../db/reports/rollups/catch-up.ts';
import { rebuildRollups } from '../../db/reports/rollups/rebuild.ts';
import { createIngest } from '../../db/tracking/writer.ts';
import { ingestDb, T0, type IngestDb } from '../helpers/ingest.ts';

const day = new Date(T0).toISOString().slice(0, 10);
const filters = { from: day, to: day, interval: 'day' as const, timeZone: 'UTC' };

/** Every rollup table's rows, to compare two states exactly. */
function rollupSnapshot(t: IngestDb) {
  const tables = ['site_days', 'site_day_visitors', 'session_facts', 'query_days', 'query_sessions', 'search_clicks'];
  const rows = (name: string) => t.db.$client.prepare(`SELECT * FROM ${name}`).all().map((r) => JSON.stringify(r)).sort();
  return Object.fromEntries(tables.map((name) => [name, rows(name)]));
}

const searches = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ type: 'search' as const, pv: `pv-${i}`, path: '/en/', locale: 'en', query: `Query ${i % 3}`, results: i % 2 }));

let t: IngestDb;
afterEach(() => t.cleanup());

describe('rollups applied after the raw events commit', () => {
  it('a report asked right after the 202 counts every acknowledged event', async () => {
    t = ingestDb({ KB_TZ: 'UTC' });
    await t.at(0, searches(7));
    await t.at(1, searches(5), { ip: '192.0.2.9' });
    // The writer's timer has not run yet: the report itself brings the rollups up to date.
    expect(rollupWatermark(t.db.$client)).toBeLessThan(12);
    expect((await getSearchReport(sqliteReportReads(t.db), filters)).totals.searches).toBe(12);
    expect(rollupWatermark(t.db.$client)).toBe(12);
    expect((await getSearchReport(sqliteReportReads(t.db), filters)).totals.searches).toBe(12);
  });

  it('a restart applies the rollups a crash left behind exactly once, matching a rebuild', async () => {
    t = ingestDb({ KB_TZ: 'UTC' });
    await t.at(0, searches(4));
    t.ingest.flush();
    await t.at(2, searches(6), { ip: '192.0.2.7' });
    await t.at(3, [{ type: 'search_click', pv: 'pv-c', path: '/en/a', locale: 'en', position: 1 }], { ip: '192.0.2.7' });
    // As after a crash: raw events committed, their rollups not yet applied.
    expect(rollupWatermark(t.db.$client)).toBe(4);
    const crashed = t.ingest;
    t.ingest = createIngest(t.db, t.config, { clock: () => T0 }); // start-up catches up
    expect(rollupWatermark(t.db.$client)).toBe(11);
    const afterRestart = rollupSnapshot(t);
    await crashed.close(); // the old writer finds nothing left to apply
    expect(catchUpAllRollups(t.db, t.config)).toBe(0); // nothing left; a second catch-up changes nothing
    createIngest(t.db, t.config, { clock: () => T0 }); // nor does another start-up
    expect(rollupSnapshot(t)).toEqual(afterRestart);
    rebuildRollups(t.db, t.config);
    expect(rollupSnapshot(t)).toEqual(afterRestart);
    expect((await getSearchReport(sqliteReportReads(t.db), filters)).totals.searches).toBe(10);
  });
});
