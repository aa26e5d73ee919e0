/** The 14-day ticket forecast of SPEC 7.3: weekday-seasonal exponential smoothing, with a 28-day backtest MAPE. */
import { addDays, weekdayOf } from './periods.ts';
import type { TicketForecast } from '../shared/reports.ts';

export const FORECAST_DAYS = 14;
export const BACKTEST_DAYS = 28;
const ALPHA = 0.3;
const SEASON_DAYS = 56;

export const FORECAST_METHOD =
  'weekday-seasonal exponential smoothing (weekday factors from the last 8 weeks, level smoothed with alpha 0.3)';

export interface DayCount {
  date: string;
  tickets: number;
}

interface Model {
  level: number;
  factors: number[]; // index weekday-1
}

/** Weekday factors (mean of that weekday / overall mean, last 8 weeks) and the smoothed deseasonalised level. */
export function fitModel(history: readonly DayCount[]): Model {
  const recent = history.slice(-SEASON_DAYS);
  const overall = recent.reduce((s, d) => s + d.tickets, 0) / Math.max(recent.length, 1);
  const sums = Array(7).fill(0) as number[];
  const counts = Array(7).fill(0) as number[];
  for (const d of recent) {
    sums[weekdayOf(d.date) - 1]! += d.tickets;
    counts[weekdayOf(d.date) - 1]! += 1;
  }
  const factors = sums.map((s, i) => (overall > 0 && counts[i]! > 0 ? s / counts[i]! / overall : 1));
  let level: number | null = null;
  for (const d of history) {
    const f = factors[weekdayOf(d.date) - 1]!;
    if (f === 0) continue; // a weekday that never has tickets says nothing about the level
    const x = d.tickets / f;
    level = level === null ? x : ALPHA * x + (1 - ALPHA) * level;
  }
  return { level: level ?? 0, factors };
}

/** Forecasts `days` days starting the day after `last`. */
export function predict(model: Model, last: string, days: number): DayCount[] {
  const out: DayCount[] = [];
  for (let i = 1; i <= days; i++) {
    const date = addDays(last, i);
    out.push({ date, tickets: model.level * model.factors[weekdayOf(date) - 1]! });
  }
  return out;
}

/** Mean absolute percentage error (a fraction) over the days whose actual count is above 0; null if none. */
export function mape(actual: readonly DayCount[], predicted: readonly DayCount[]): number | null {
  let sum = 0;
  let n = 0;
  actual.forEach((a, i) => {
    if (a.tickets <= 0) return;
    sum += Math.abs(a.tickets - predicted[i]!.tickets) / a.tickets;
    n++;
  });
  return n > 0 ? sum / n : null;
}

/** The seasonal-naive forecast of each day of `test`: the actual count on the same weekday a week earlier in `history`. */
export function seasonalNaive(history: readonly DayCount[], test: readonly DayCount[]): DayCount[] {
  const byDate = new Map(history.map((d) => [d.date, d.tickets]));
  return test.map((d) => ({ date: d.date, tickets: byDate.get(addDays(d.date, -7)) ?? 0 }));
}

/**
 * Forecast after the last day of `history` (every day of the period, zeros included), with its backtest error and
 * that of the seasonal-naive forecast over the same 28 days, so a reader sees whether the model beats "same as last
 * week". Both are null when the period is under 56 days: the model needs 28 days to learn from before the 28 it is
 * scored on, and the baseline is scored on those same days only.
 */
export function forecastTickets(history: readonly DayCount[]): TicketForecast {
  const last = history[history.length - 1]?.date;
  if (!last) return { method: FORECAST_METHOD, mape: null, baselineMape: null, days: [] };
  let backtest: number | null = null;
  let baseline: number | null = null;
  // The backtest needs at least as many days to learn from as it predicts.
  if (history.length >= 2 * BACKTEST_DAYS) {
    const train = history.slice(0, -BACKTEST_DAYS);
    const test = history.slice(-BACKTEST_DAYS);
    backtest = mape(test, predict(fitModel(train), train[train.length - 1]!.date, BACKTEST_DAYS));
    baseline = mape(test, seasonalNaive(history, test));
  }
  const days = predict(fitModel(history), last, FORECAST_DAYS).map((d) => ({ date: d.date, tickets: Math.round(d.tickets * 10) / 10 }));
  return { method: FORECAST_METHOD, mape: backtest, baselineMape: baseline, days };
}
