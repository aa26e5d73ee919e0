/** Turns a report into CSV: the series (default), the totals, or one of its lists, flattened to columns. */
import { stringify } from 'csv-stringify/sync';
import type { AnyReport } from './registry.ts';

/**
 * The rows of a list: a top-level array, the `days` of an object such as the tickets `forecast`, or, with
 * compare=previous, `previous` = one row of the previous period's totals with its from and to.
 */
function listRows(report: AnyReport, key: string): unknown {
  const value = report[key];
  if (key === 'previous' && value && typeof value === 'object' && 'totals' in value) {
    const p = value as { from: string; to: string; totals: object };
    return [{ from: p.from, to: p.to, ...p.totals }];
  }
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object' && Array.isArray((value as { days?: unknown }).days)) return (value as { days: unknown[] }).days;
  return undefined;
}

/** The names `list=` accepts for a report: series, totals, and every list it holds (forecast = its days). */
export function csvLists(report: AnyReport): string[] {
  return ['series', 'totals', ...Object.keys(report).filter((k) => k !== 'series' && k !== 'totals' && listRows(report, k) !== undefined)];
}

/** Flattens nested objects to `a.b` columns; lists of plain values become `x; y`, lists of objects JSON. */
export function flatten(value: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, v] of Object.entries(value)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (Array.isArray(v)) out[key] = v.every((x) => typeof x !== 'object' || x === null) ? v.join('; ') : JSON.stringify(v);
    else if (v !== null && typeof v === 'object') flatten(v as Record<string, unknown>, key, out);
    else out[key] = v;
  }
  return out;
}

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) gets a leading
 * apostrophe, as OWASP advises: queries, slugs, tags and assignees come from visitors and imported files.
 * Numbers are ours and stay numbers (a negative figure is not text).
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV with a header row; numbers are written exactly as the JSON has them, null as an empty cell, text neutralised. */
export function reportToCsv(report: AnyReport, list = 'series'): string {
  const source = list === 'totals' ? [report.totals] : listRows(report, list);
  if (!Array.isArray(source)) throw new Error(`unknown list "${list}"; this report has: ${csvLists(report).join(', ')}`);
  const rows = (source as Array<Record<string, unknown>>).map((r) => flatten(r));
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  if (columns.length === 0) return '';
  return stringify(rows, { header: true, columns, cast: { boolean: (b) => String(b), number: (n) => String(n), string: neutralizeCell } });
}
