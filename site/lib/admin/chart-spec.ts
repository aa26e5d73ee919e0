/** Chart data the pages embed for the client-side uPlot renderer: plain JSON, numbers only, built server-side. */
import { DateTime } from 'luxon';

export type AxisUnit = 'count' | 'percent' | 'minutes' | 'seconds';

export interface ChartSeries {
  label: string;
  /** 0 = left axis, 1 = right axis. */
  axis: 0 | 1;
  /** Index into the palette (--series-1..4). */
  color: 1 | 2 | 3 | 4;
  kind: 'line' | 'bars';
  dashed?: boolean;
  values: (number | null)[];
}

export interface ChartSpec {
  /** Period starts as epoch seconds at UTC midnight (the chart shows them as calendar dates). */
  x: number[];
  axes: { label: string; unit: AxisUnit }[];
  series: ChartSeries[];
}

/**
 * The first day of a report period: `2026-03-14` (day or week start), `2026-03` (month), `2026-W11` (ISO week),
 * as epoch seconds at UTC midnight. Undefined for anything else.
 */
export function periodStart(period: string): number | undefined {
  let d: DateTime | undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) d = DateTime.fromISO(period, { zone: 'utc' });
  else if (/^\d{4}-\d{2}$/.test(period)) d = DateTime.fromISO(`${period}-01`, { zone: 'utc' });
  else if (/^\d{4}-W\d{2}$/.test(period)) d = DateTime.fromISO(`${period}-1`, { zone: 'utc' });
  return d?.isValid ? d.toSeconds() : undefined;
}

/** Turns report series rows into chart columns; rows whose period cannot be read are left out. */
export function seriesChart<T extends { period: string }>(
  rows: readonly T[],
  axes: ChartSpec['axes'],
  series: (Omit<ChartSeries, 'values'> & { value: (row: T) => number | null | undefined })[],
): ChartSpec {
  const usable = rows
    .map((row) => ({ row, x: periodStart(row.period) }))
    .filter((r): r is { row: T; x: number } => r.x !== undefined)
    .sort((a, b) => a.x - b.x);
  return {
    x: usable.map((r) => r.x),
    axes,
    series: series.map(({ value, ...s }) => ({
      ...s,
      values: usable.map(({ row }) => {
        const v = value(row);
        return typeof v === 'number' && Number.isFinite(v) ? v : null;
      }),
    })),
  };
}

/** History then forecast on one time axis: two series that meet at the last real day, so the line is unbroken. */
export function forecastChart(history: readonly { period: string; tickets: number }[], forecast: readonly { date: string; tickets: number }[]): ChartSpec {
  const points = new Map<number, { actual: number | null; predicted: number | null }>();
  for (const h of history) {
    const x = periodStart(h.period);
    if (x !== undefined) points.set(x, { actual: h.tickets, predicted: null });
  }
  const lastX = Math.max(...points.keys());
  const last = points.get(lastX);
  if (last && forecast.length > 0) last.predicted = last.actual;
  for (const f of forecast) {
    const x = periodStart(f.date);
    if (x !== undefined) points.set(x, { actual: points.get(x)?.actual ?? null, predicted: f.tickets });
  }
  const xs = [...points.keys()].sort((a, b) => a - b);
  return {
    x: xs,
    axes: [{ label: 'Tickets per day', unit: 'count' }],
    series: [
      { label: 'Tickets', axis: 0, color: 2, kind: 'bars', values: xs.map((x) => points.get(x)!.actual) },
      { label: 'Forecast', axis: 0, color: 1, kind: 'line', dashed: true, values: xs.map((x) => points.get(x)!.predicted) },
    ],
  };
}
