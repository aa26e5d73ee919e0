/** Plain-text tables for `kb report --format table`: totals as label/value lines, series and lists as columns. */
import { flatten } from './csv.ts';
import type { AnyReport } from './registry.ts';

/** How many rows of each list the table shows (JSON and CSV give them all). */
export const TABLE_LIST_ROWS = 20;

/** The same number a JSON answer holds, shown briefly: integers as they are, fractions to 4 places. */
export function cell(v: unknown): string {
  if (v === null || v === undefined) return '-';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 10_000) / 10_000);
  const s = String(v);
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

/** Columns a terminal has room for, per report and table; tables not named here show every column. */
const COLUMNS: Record<string, Record<string, string[]>> = {
  overview: { series: ['period', 'views', 'visitors', 'searches', 'contacts', 'tickets', 'viewsPerTicket', 'selfServiceRate'] },
  articles: {
    series: ['period', 'views', 'visitors', 'medianReadSeconds', 'readThroughRate', 'helpfulRate', 'contactRate'],
    articles: ['slug', 'views', 'visitors', 'medianReadSeconds', 'expectedReadSeconds', 'readThroughRate', 'helpfulRate', 'helpfulLow', 'contactRate', 'flags'],
  },
  search: {
    queries: ['query', 'searches', 'zeroResultSearches', 'clickThroughRate', 'bouncedSearches', 'contactRate'],
    zeroResultQueries: ['query', 'searches', 'zeroResultSearches', 'contactRate'],
    contactQueries: ['query', 'searches', 'sessions', 'contactSessions', 'contactRate'],
  },
  gaps: { gaps: ['kind', 'title', 'size', 'unit', 'reason'] },
  tickets: {
    series: ['period', 'tickets', 'solved', 'firstResponseMinutes.median', 'resolutionMinutes.median', 'slaBreaches', 'csat'],
  },
};

function grid(rows: Array<Record<string, unknown>>, only?: string[]): string {
  if (rows.length === 0) return '  (none)';
  const columns = only ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cells = rows.map((r) => columns.map((c) => cell(r[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (vals: string[]) => '  ' + vals.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** The totals as label/value lines; with compare=previous, the previous period's value beside each. */
function totalsLines(report: AnyReport): string[] {
  const totals = flatten(report.totals as Record<string, unknown>);
  const previous = report.previous as { from: string; to: string; totals: Record<string, unknown> } | undefined;
  const width = Math.max(...Object.keys(totals).map((k) => k.length));
  if (!previous) return ['Totals', ...Object.entries(totals).map(([k, v]) => `  ${k.padEnd(width)}  ${cell(v)}`)];
  const before = flatten(previous.totals);
  const now = Object.entries(totals).map(([k, v]) => [k, cell(v), cell(before[k])] as const);
  const w = Math.max(4, ...now.map(([, v]) => v.length));
  return [
    `Totals (previous: ${previous.from} to ${previous.to})`,
    `  ${''.padEnd(width)}  ${'this'.padEnd(w)}  previous`,
    ...now.map(([k, v, b]) => `  ${k.padEnd(width)}  ${v.padEnd(w)}  ${b}`),
  ];
}

export function reportToTable(name: string, report: AnyReport): string {
  const out: string[] = [`${name} report, ${report.from} to ${report.to} by ${report.interval}`, '', ...totalsLines(report)];
  const cols = COLUMNS[name] ?? {};
  out.push('', 'Series', grid(report.series.map((p) => flatten(p as Record<string, unknown>)), cols.series));
  for (const [key, value] of Object.entries(report)) {
    if (key === 'series' || !Array.isArray(value)) {
      if (value && typeof value === 'object' && !Array.isArray(value) && key !== 'totals' && key !== 'previous') {
        // e.g. the tickets forecast: its own small section
        const flat = flatten(value as Record<string, unknown>);
        const rows = Array.isArray((value as Record<string, unknown>).days) ? ((value as { days: Array<Record<string, unknown>> }).days) : undefined;
        out.push('', key, ...Object.entries(flat).filter(([k]) => k !== 'days').map(([k, v]) => `  ${k}  ${cell(v)}`));
        if (rows) out.push(grid(rows));
      }
      continue;
    }
    const rows = value as Array<Record<string, unknown>>;
    const more = rows.length > TABLE_LIST_ROWS ? ` (first ${TABLE_LIST_ROWS} of ${rows.length})` : '';
    out.push('', `${key}${more}`, grid(rows.slice(0, TABLE_LIST_ROWS).map((r) => flatten(r)), cols[key]));
  }
  return out.join('\n') + '\n';
}
