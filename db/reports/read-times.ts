/** Engaged-seconds histograms of a range (article_read_days), summed in total, per period and per article, for exact medians. */
import type Database from 'better-sqlite3';
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

/** One row per article and day of a locale key ('*' = all) in from..to, optionally for one article. */
export function readTimes(db: Database.Database, locale: string, from: string, to: string, interval: Interval, article?: string): ReadTimes {
  const rows = db
    .prepare(`SELECT day, article, histogram FROM article_read_days WHERE locale = ? AND day BETWEEN ? AND ? ${article ? 'AND article = ?' : ''}`)
    .raw()
    .all(...[locale, from, to, ...(article ? [article] : [])]) as Array<[string, string, Buffer]>;
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
