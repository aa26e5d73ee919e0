/**
 * Read-time histogram moves summed in memory per (locale, day, article), for both stores: when a page view's largest
 * seconds grows, it leaves its old bucket and enters the new one. Each store reads the touched rows, applies the
 * moves (applyMoves) and writes them back in its own way (db/reports/rollups/read-seconds.ts, db/pg/rollups/).
 */
import { encodeHistogram, histogramCounts, type Counts } from './read-histogram.ts';

/** What the event rollups call for each page view whose largest seconds grows. */
export interface ReadSecondsSink {
  /** A page view of `article` on `day` went from `from` to `to` engaged seconds (0 = not engaged yet). */
  move(locale: string, day: string, article: string, from: number, to: number): void;
}

export interface ArticleDayMoves {
  key: [locale: string, day: string, article: string];
  counts: Counts;
}

/** `locale\0day\0article`, the key stores join their rows on. */
export const articleDayId = (locale: string, day: string, article: string) => `${locale}\u0000${day}\u0000${article}`;

export class ReadSecondMoves implements ReadSecondsSink {
  protected rows = new Map<string, ArticleDayMoves>();

  move(locale: string, day: string, article: string, from: number, to: number): void {
    if (from === to) return;
    if (from > 0) this.add(locale, day, article, from, -1); // 0 seconds is not engaged: never counted
    if (to > 0) this.add(locale, day, article, to, 1);
  }

  add(locale: string, day: string, article: string, seconds: number, n: number): void {
    const id = articleDayId(locale, day, article);
    let row = this.rows.get(id);
    if (!row) this.rows.set(id, (row = { key: [locale, day, article], counts: new Map() }));
    row.counts.set(seconds, (row.counts.get(seconds) ?? 0) + n);
  }
}

/** The stored histogram (or none) with the moves applied, packed; undefined when nothing changes. */
export function applyMoves(stored: Buffer | undefined, counts: Counts): Buffer | undefined {
  const histogram = histogramCounts(stored);
  let changed = false;
  for (const [seconds, n] of counts) {
    if (n === 0) continue;
    histogram.set(seconds, (histogram.get(seconds) ?? 0) + n);
    changed = true;
  }
  return changed ? encodeHistogram(histogram) : undefined;
}
