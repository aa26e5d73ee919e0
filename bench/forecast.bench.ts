/**
 * Does the ticket forecast earn its place? Its backtest error (MAPE over the last 28 days) against a seasonal-naive
 * forecast (the same weekday a week earlier) over the same days, on the demo, the real ServiceNow incidents and the
 * real call log (../shared/data/real), each read through the tickets report as GET /api/reports/tickets answers it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../api/env.ts';
import { runReport } from '../api/reports/registry.ts';
import { generateDemo } from '../bin/demo/generate.ts';
import { openStore } from '../db/open-store.ts';
import { emptyCatalog } from '../db/shared/catalog.ts';
import { resolveProfile } from '../db/store.ts';
import { fitModel, mape, predict, seasonalNaive, type DayCount } from '../db/reports/ticket-forecast.ts';
import type { TicketReport } from '../db/shared/reports.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const REAL = join(root, '..', 'shared', 'data', 'real');

interface Row {
  data: string;
  days: string;
  mape: number | null;
  baseline: number | null;
  note?: string;
}

const asProfile = (p: ReturnType<typeof resolveProfile>) => ({ profile: p.profile, profileLabel: p.label });
const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);

/** The model and the baseline scored on the last `test` days after learning from the days before (for a short log). */
function shortBacktest(days: DayCount[], test: number): { mape: number | null; baseline: number | null } {
  const train = days.slice(0, -test);
  const tail = days.slice(-test);
  return { mape: mape(tail, predict(fitModel(train), train[train.length - 1]!.date, test)), baseline: mape(tail, seasonalNaive(days, tail)) };
}

async function onData(label: string, env: Record<string, string>, range: { from: string; to: string }, fill: (store: Awaited<ReturnType<typeof openStore>>, config: ReturnType<typeof loadConfig>) => Promise<unknown>): Promise<{ row: Row; daily: DayCount[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'kb-forecast-'));
  const config = loadConfig({ KB_DB: join(dir, 'kb.sqlite'), ...env });
  const store = await openStore(config);
  try {
    await fill(store, config);
    const r = (await runReport('tickets', store, config, emptyCatalog(), { ...range, interval: 'day' })) as unknown as TicketReport;
    const daily = r.series.map((p) => ({ date: p.period, tickets: p.tickets }));
    return { row: { data: label, days: `${range.from} – ${range.to} (${daily.length} days)`, mape: r.forecast.mape, baseline: r.forecast.baselineMape }, daily };
  } finally {
    await store.admin.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function forecastBench(): Promise<string> {
  const rows: Row[] = [];
  const contentDir = join(root, 'content');
  // The demo: 90 days ending 1 December 2026, seed 42 (npm run demo's defaults on that day).
  const demo = await onData('demo (`kb demo`, 90 days)', {}, { from: '2026-09-03', to: '2026-11-30' }, (store, config) =>
    // Tickets draw nothing from search answers, so the searches' result counts need no built site here.
    generateDemo(store, config, { contentDir, days: 90, seed: 42, now: Date.UTC(2026, 11, 1, 12), searchTotal: () => 1 }),
  );
  rows.push(demo.row);
  const incidents = await onData('ServiceNow incidents (20,768)', {}, { from: '2016-02-29', to: '2016-05-13' }, (store) =>
    store.tickets.importFile(join(REAL, 'tickets/servicenow_incidents_final_state.csv'), { ...asProfile(resolveProfile({ preset: 'servicenow' })) }),
  );
  rows.push(incidents.row);
  const profile = join(root, 'docs/profiles/callcenter.json');
  const calls = await onData('bank call log (33,344 calls)', { KB_TZ: 'Asia/Jerusalem' }, { from: '1999-02-01', to: '1999-02-28' }, (store) =>
    store.tickets.importFile(join(REAL, 'calls/anonymous_bank_callcenter_1999-02.tsv'), { ...asProfile(resolveProfile({ mapping: profile })) }),
  );
  rows.push({ ...calls.row, note: 'the log holds 28 days: none left to learn from before the 28 scored' });
  const short = shortBacktest(calls.daily, 14);
  rows.push({ data: 'bank call log, last 14 days after the first 14', days: '1999-02-15 – 1999-02-28', mape: short.mape, baseline: short.baseline, note: 'outside the report: the same two forecasts on a 14/14 split' });

  const verdict = (r: Row) =>
    r.mape === null || r.baseline === null ? 'n/a' : Math.abs(r.mape - r.baseline) < 0.005 ? 'a tie' : r.mape < r.baseline ? '**the model**' : '**same weekday last week**';
  const md = [
    '## Forecast against a seasonal-naive baseline',
    '',
    'The tickets report\'s `forecast.mape` (weekday-seasonal exponential smoothing, trained on the period without its last 28 days and scored on them) beside `forecast.baselineMape` (each of those days forecast as the same weekday one week earlier), through the report itself.',
    '',
    '| data | days | model MAPE | baseline MAPE | better |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.data} | ${r.days} | ${pct(r.mape)} | ${pct(r.baseline)} | ${verdict(r)}${r.note ? ` (${r.note})` : ''} |`),
  ].join('\n');
  return md;
}
