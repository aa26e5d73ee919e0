/** Turns the tickets report's lists into the bar lists and tables of /admin/tickets. */
import type { TicketReport } from '../../../db/shared/reports.ts';

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
