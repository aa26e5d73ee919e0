/** Shapes shared by every report (SPEC 7): the filters a report takes and the result envelope it answers. */

export type Interval = 'day' | 'week' | 'month';

/** What every report is asked for. `from`/`to` are inclusive local dates (YYYY-MM-DD) in `timeZone`. */
export interface ReportFilters {
  from: string;
  to: string;
  interval: Interval;
  /** IANA zone the days, weeks, months and weekdays are counted in (config.timeZone, KB_TZ). */
  timeZone: string;
  /** Only events sent from pages in this locale (event-based figures; tickets have no locale). */
  locale?: string;
}

/**
 * The envelope of every report: `{ from, to, interval, totals, series, ...lists }`.
 * A series has one entry per period in the range, zero-filled: `period` is the day (YYYY-MM-DD),
 * the Monday that starts the ISO week (YYYY-MM-DD), or the month (YYYY-MM).
 */
export interface Report<Totals, Point = Totals> {
  from: string;
  to: string;
  interval: Interval;
  totals: Totals;
  series: Array<{ period: string } & Point>;
}

/** Median, mean and 90th percentile of a set of durations; null when the set is empty. */
export interface Quantiles {
  median: number | null;
  mean: number | null;
  p90: number | null;
}

/** A rate is a fraction 0..1, or null when its denominator is 0. */
export type Rate = number | null;
