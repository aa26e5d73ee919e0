/**
 * Keeps article_read_days: when a page view's largest seconds grows, it leaves its old histogram bucket and
 * enters the new one. Changes are summed per (locale, day, article) over a batch and each row is read, changed
 * and written once per batch, so the cost per catch-up grows with the article-days touched, not with reads.
 */
import type Database from 'better-sqlite3';
import { encodeHistogram, histogramCounts, type Counts } from './read-histogram.ts';

type Sqlite = Database.Database;

/** What the event rollups call for each page view whose largest seconds grows. */
export interface ReadSecondsSink {
  /** A page view of `article` on `day` went from `from` to `to` engaged seconds (0 = not engaged yet). */
  move(locale: string, day: string, article: string, from: number, to: number): void;
}

function statements(db: Sqlite) {
  return {
    get: db.prepare('SELECT histogram FROM article_read_days WHERE locale = ? AND day = ? AND article = ?').pluck(),
    set: db.prepare(
      `INSERT INTO article_read_days (locale, day, article, histogram) VALUES (?, ?, ?, ?)
       ON CONFLICT (locale, day, article) DO UPDATE SET histogram = excluded.histogram`,
    ),
  };
}
const cache = new WeakMap<Sqlite, ReturnType<typeof statements>>();
const statementsFor = (db: Sqlite) => cache.get(db) ?? (cache.set(db, statements(db)), cache.get(db)!);

/** Changes to article_read_days summed in memory until flush() (inside the caller's transaction). */
export class ReadSecondsDeltas implements ReadSecondsSink {
  private rows = new Map<string, { key: [string, string, string]; counts: Counts }>();

  constructor(private readonly db: Sqlite) {}

  move(locale: string, day: string, article: string, from: number, to: number): void {
    if (from === to) return;
    if (from > 0) this.add(locale, day, article, from, -1); // 0 seconds is not engaged: never counted
    if (to > 0) this.add(locale, day, article, to, 1);
  }

  add(locale: string, day: string, article: string, seconds: number, n: number): void {
    const id = `${locale}\u0000${day}\u0000${article}`;
    let row = this.rows.get(id);
    if (!row) this.rows.set(id, (row = { key: [locale, day, article], counts: new Map() }));
    row.counts.set(seconds, (row.counts.get(seconds) ?? 0) + n);
  }

  /** Reads each touched row, applies its changes and writes it back. */
  flush(): void {
    const s = statementsFor(this.db);
    for (const { key, counts } of this.rows.values()) {
      const stored = histogramCounts(s.get.get(...key) as Buffer | undefined);
      let changed = false;
      for (const [seconds, n] of counts) {
        if (n === 0) continue;
        stored.set(seconds, (stored.get(seconds) ?? 0) + n);
        changed = true;
      }
      if (changed) s.set.run(...key, encodeHistogram(stored));
    }
    this.rows.clear();
  }
}

/** Engaged page views rolled up, yet no read-time histogram: a database from before article_read_days. */
const needsFill = (db: Sqlite) =>
  !db.prepare('SELECT 1 FROM article_read_days LIMIT 1').get() && !!db.prepare('SELECT 1 FROM page_views WHERE max_seconds > 0 LIMIT 1').get();

/**
 * Fills article_read_days from page_views (which holds every page view's largest seconds) when a database
 * rolled up before the table existed has none. Call inside a write transaction; returns whether it filled.
 */
export function fillReadSecondsFromPageViews(db: Sqlite): boolean {
  if (!needsFill(db)) return false;
  const deltas = new ReadSecondsDeltas(db);
  const rows = db
    .prepare('SELECT locale, day, article, max_seconds, count(*) FROM page_views WHERE max_seconds > 0 GROUP BY locale, day, article, max_seconds')
    .raw()
    .iterate() as IterableIterator<[string, string, string, number, number]>;
  for (const [locale, day, article, seconds, n] of rows) {
    deltas.add(locale, day, article, seconds, n);
    deltas.add('*', day, article, seconds, n);
  }
  deltas.flush();
  return true;
}

const checked = new WeakSet<Sqlite>();

/** Once per connection: fills article_read_days for a database upgraded with page views already rolled up. */
export function ensureReadSeconds(db: Sqlite): void {
  if (checked.has(db)) return;
  // A read answers the usual case (filled, or nothing to fill) without taking the write lock.
  if (needsFill(db)) db.transaction(() => fillReadSecondsFromPageViews(db)).immediate();
  checked.add(db);
}
