/** Small statistics used by the reports: rates, quantiles, Wilson bound. Pure functions. */
import { selectRank } from './select-rank.ts';
import { MIN_SAMPLE } from '../shared/reports.ts';
import type { Quantiles, Rate } from '../shared/reports.ts';

/** n / d, or null when d is 0. */
export function rate(n: number, d: number): Rate {
  return d > 0 ? n / d : null;
}

export { MIN_SAMPLE } from '../shared/reports.ts';

/** n / d, or null when d is under `min` (and when d is 0). */
export function sampledRate(n: number, d: number, min: number): Rate {
  return d > 0 && d >= min ? n / d : null;
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

/** quantileSorted's rule on unsorted values, picking the ranks it needs by selection (reorders `a`). */
export function quantileOf(a: Float64Array, q: number): number | null {
  if (a.length === 0) return null;
  const pos = (a.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const low = selectRank(a, lo);
  return low + (selectRank(a, hi) - low) * (pos - lo);
}

/** Median, mean and p90 of unsorted values (left as they are). */
export function quantiles(values: ArrayLike<number>): Quantiles {
  const a = Float64Array.from(values);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]!;
  return { median: quantileOf(a, 0.5), mean: a.length > 0 ? sum / a.length : null, p90: quantileOf(a, 0.9) };
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

/** Two-sided critical value of the standard normal at 95%. */
export const Z_95 = 1.959963984540054;

/**
 * Pooled two-proportion z statistic for x1 of n1 against x2 of n2: (p2 - p1) / sqrt(p (1 - p) (1/n1 + 1/n2)) with
 * p = (x1 + x2) / (n1 + n2). 0 when both proportions are 0 or both 1 (nothing varies); null when a side is empty.
 */
export function twoProportionZ(x1: number, n1: number, x2: number, n2: number): number | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const p = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  return se === 0 ? 0 : (x2 / n2 - x1 / n1) / se;
}

/**
 * Whether x1/n1 and x2/n2 differ at 95% (two-sided two-proportion z-test, |z| >= 1.96); null when either side has
 * fewer than `minSample` in its denominator (SPEC 7.5: not enough data to say).
 */
export function significantChange(x1: number, n1: number, x2: number, n2: number, minSample = MIN_SAMPLE): boolean | null {
  if (n1 < minSample || n2 < minSample) return null;
  const z = twoProportionZ(x1, n1, x2, n2);
  return z === null ? null : Math.abs(z) >= Z_95;
}

/**
 * A histogram of small whole numbers (engaged seconds, 0..1800), counts indexed by value: exact medians over
 * many page views without keeping each one, and adding a count is one array write.
 */
export class Histogram {
  private counts = new Float64Array(64);
  private total = 0;

  add(value: number, n = 1): void {
    if (value >>> 0 !== value) throw new RangeError(`Histogram: ${value} is not a whole number >= 0`);
    if (value >= this.counts.length) {
      const grown = new Float64Array(Math.max(value + 1, this.counts.length * 2));
      grown.set(this.counts);
      this.counts = grown;
    }
    this.counts[value]! += n;
    this.total += n;
  }

  /** The value at rank k (0-based) in ascending order. */
  private at(k: number): number {
    let seen = 0;
    for (let v = 0; v < this.counts.length; v++) {
      seen += this.counts[v]!;
      if (k < seen) return v;
    }
    throw new RangeError(`Histogram: no rank ${k} among ${this.total}`);
  }

  /** Same interpolation as quantileSorted at q = 0.5: the middle value, or the mean of the two middle ones. */
  median(): number | null {
    const n = this.total;
    if (n === 0) return null;
    return n % 2 === 1 ? this.at((n - 1) / 2) : (this.at(n / 2 - 1) + this.at(n / 2)) / 2;
  }
}
