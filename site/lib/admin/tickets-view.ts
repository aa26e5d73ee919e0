/** Turns the tickets report's lists into the bar lists and tables of /admin/tickets. */
import type { TicketForecast, TicketReport } from '../../../db/shared/reports.ts';
import { MIN_SAMPLE } from '../../../db/shared/reports.ts';
import { formatPointChange, formatRate } from './format.ts';

export interface Bar {
  label: string;
  value: number;
}

const byCount = (a: Bar, b: Bar) => b.value - a.value || a.label.localeCompare(b.label);

/** The category lists of the report as bars, biggest first (weekdays stay Monday..Sunday), at most `limit` each. */
export function ticketBars(report: TicketReport, limit = 12) {
  return {
    weekdays: [...report.weekdays].sort((a, b) => a.weekday - b.weekday).map((w) => ({ label: w.name, value: w.tickets })),
    channels: report.channels.map((c) => ({ label: c.channel, value: c.tickets })).sort(byCount).slice(0, limit),
    types: report.types.map((t) => ({ label: t.type || '(none)', value: t.tickets })).sort(byCount).slice(0, limit),
    tags: report.tags.map((t) => ({ label: t.tag, value: t.tickets })).sort(byCount).slice(0, limit),
  };
}

/**
 * Which forecast wins on the backtest days, in a sentence: the model's MAPE against "the same weekday a week
 * earlier" (baselineMape). Undefined when either is missing.
 */
export function forecastVerdict(f: Pick<TicketForecast, 'mape' | 'baselineMape'>): { text: string; tone: 'good' | 'bad' | 'muted' } | undefined {
  if (f.mape === null || f.baselineMape === null) return undefined;
  const gap = formatPointChange(f.mape, f.baselineMape).replace(/^[+−±]/, '');
  if (Math.abs(f.mape - f.baselineMape) < 0.005) return { text: `The model does no better than “same as last week” (${formatRate(f.mape)} against ${formatRate(f.baselineMape)}).`, tone: 'muted' };
  return f.mape < f.baselineMape
    ? { text: `The model beats “same as last week” by ${gap} (${formatRate(f.mape)} against ${formatRate(f.baselineMape)}).`, tone: 'good' }
    : { text: `“Same as last week” beats the model by ${gap} (${formatRate(f.baselineMape)} against ${formatRate(f.mape)}): trust the simpler forecast here.`, tone: 'bad' };
}

/** A rate for a table row, or "not enough data" under the minimum sample (SPEC 7.5). */
export function rowRate(value: number | null, base: number): { text: string; thin: boolean } {
  if (value === null || base < MIN_SAMPLE) return { text: value === null && base === 0 ? '–' : 'not enough data', thin: value !== null || base > 0 };
  return { text: formatRate(value), thin: false };
}

/** Month label for a `YYYY-MM` period: "Mar 2026". */
export function monthLabel(period: string): string {
  const d = new Date(`${period.slice(0, 7)}-01T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? period : d.toLocaleDateString('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** The last 28 days of a daily series, which is the window the forecast's MAPE is measured on. */
export function backtestWindow(days: readonly { period: string }[]): { from: string; to: string } | undefined {
  if (days.length === 0) return undefined;
  const tail = days.slice(-28);
  return { from: tail[0]!.period, to: tail[tail.length - 1]!.period };
}
