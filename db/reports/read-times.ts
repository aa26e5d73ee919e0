/** Engaged-seconds histograms of a range (article_read_days), summed in total, per period and per article, for exact medians. */
import { decodeHistogram } from './rollups/read-histogram.ts';
import { periodOf } from './periods.ts';
import { Histogram } from './stats.ts';
import type { Interval } from '../shared/reports.ts';

export interface ReadTimes {
  total: Histogram;
  perPeriod: Map<string, Histogram>;
  perArticle: Map<string, Histogram>;
}

const entry = (m: Map<string, Histogram>, k: string) => m.get(k) ?? (m.set(k, new Histogram()), m.get(k)!);

/**
 * Sums the packed histograms of article_read_days rows ([day, article, blob]) in total, per period and per article;
 * periods are those of a range starting on `from` (weeks and months clipped to it).
 */
export function readTimes(rows: ReadonlyArray<readonly [string, string, Uint8Array]>, interval: Interval, from: string): ReadTimes {
  const out: ReadTimes = { total: new Histogram(), perPeriod: new Map(), perArticle: new Map() };
  for (const [day, slug, blob] of rows) {
    const period = entry(out.perPeriod, periodOf(day, interval, from));
    const ofArticle = entry(out.perArticle, slug);
    decodeHistogram(blob, (seconds, views) => {
      out.total.add(seconds, views);
      period.add(seconds, views);
      ofArticle.add(seconds, views);
    });
  }
  return out;
}
