/** Small statistics used by the reports: rates, quantiles, Wilson bound. Pure functions. */
import type { Quantiles, Rate } from './types.ts';

/** n / d, or null when d is 0. */
export function rate(n: number, d: number): Rate {
  return d > 0 ? n / d : null;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Linear-interpolated quantile (the same rule as Excel's PERCENTILE.INC / numpy's default) of sorted values. */
export function quantileSorted(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Median, mean and p90 of unsorted values. */
export function quantiles(values: number[]): Quantiles {
  const sorted = Float64Array.from(values).sort();
  const arr = Array.from(sorted);
  return { median: quantileSorted(arr, 0.5), mean: mean(arr), p90: quantileSorted(arr, 0.9) };
}

/** Wilson score interval lower bound at 95% (z = 1.96) for `yes` successes in `n` trials. */
export function wilsonLower(yes: number, n: number): Rate {
  if (n === 0) return null;
  const z = 1.96;
  const p = yes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return (centre - margin) / (1 + z2 / n);
}

/** Median of a histogram given as (value, count) pairs sorted by value. */
export function medianOfCounts(pairs: ReadonlyArray<readonly [number, number]>): number | null {
  let total = 0;
  for (const [, n] of pairs) total += n;
  if (total === 0) return null;
  const at = (k: number) => {
    let seen = 0;
    for (const [v, n] of pairs) {
      seen += n;
      if (k < seen) return v;
    }
    return pairs[pairs.length - 1]![0];
  };
  // Same interpolation as quantileSorted at q = 0.5.
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/** A histogram of integer values, for exact medians over many page views without keeping each one. */
export class Histogram {
  private counts = new Map<number, number>();
  add(value: number, n = 1): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + n);
  }
  median(): number | null {
    return medianOfCounts([...this.counts].sort((a, b) => a[0] - b[0]));
  }
}
