import { describe, expect, it } from 'vitest';
import { quantileSorted, quantiles } from '../../db/reports/stats.ts';

describe('quantiles by selection', () => {
  it('equal the interpolated quantiles of the sorted values, with ties, odd and even counts, in any order', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const n of [1, 2, 3, 10, 11, 1000, 1001, 20_000]) {
      // few distinct values, so many ties, as ticket minutes have
      const values = Array.from({ length: n }, () => Math.floor(rnd() * 50) / 3);
      const sorted = [...values].sort((a, b) => a - b);
      for (const input of [values, sorted, [...sorted].reverse()]) {
        const q = quantiles(input);
        expect([q.median, q.p90]).toEqual([quantileSorted(sorted, 0.5), quantileSorted(sorted, 0.9)]);
      }
    }
  });

  it('works the hand-made case and leaves the input alone', () => {
    const values = [30, 5, 20, 10];
    // sorted 5, 10, 20, 30: median (10 + 20) / 2 = 15; p90 at rank 2.7 = 20 + 0.7 x 10 = 27
    expect(quantiles(values)).toEqual({ median: 15, mean: 16.25, p90: 27 });
    expect(values).toEqual([30, 5, 20, 10]);
    expect(quantiles([])).toEqual({ median: null, mean: null, p90: null });
  });
});
