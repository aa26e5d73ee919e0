/** article_read_days on PostgreSQL: histogram moves summed per (locale, day, article), each row read and written once per chunk. */
import { encodeHistogram, histogramCounts, type Counts } from '../../reports/rollups/read-histogram.ts';
import type { ReadSecondsSink } from '../../reports/rollups/read-seconds.ts';
import { texts } from '../arrays.ts';
import type { Sql } from '../client.ts';
import { upsertRows } from '../upsert.ts';

export class PgReadSeconds implements ReadSecondsSink {
  private rows = new Map<string, { key: [string, string, string]; counts: Counts }>();

  move(locale: string, day: string, article: string, from: number, to: number): void {
    if (from === to) return;
    if (from > 0) this.add(locale, day, article, from, -1);
    if (to > 0) this.add(locale, day, article, to, 1);
  }

  add(locale: string, day: string, article: string, seconds: number, n: number): void {
    const id = `${locale}\u0000${day}\u0000${article}`;
    let row = this.rows.get(id);
    if (!row) this.rows.set(id, (row = { key: [locale, day, article], counts: new Map() }));
    row.counts.set(seconds, (row.counts.get(seconds) ?? 0) + n);
  }

  /** Reads the touched rows, applies the moves and writes them back. */
  async flush(sql: Sql): Promise<void> {
    if (this.rows.size === 0) return;
    const keys = [...this.rows.values()].map((r) => r.key);
    const stored = await sql<Array<{ locale: string; day: string; article: string; histogram: Buffer }>>`
      SELECT r.locale, r.day, r.article, r.histogram
      FROM unnest(${texts(sql, keys.map((k) => k[0]))}::text[], ${texts(sql, keys.map((k) => k[1]))}::text[], ${texts(sql, keys.map((k) => k[2]))}::text[])
        AS k(locale, day, article)
      JOIN article_read_days r ON r.locale = k.locale AND r.day = k.day AND r.article = k.article`;
    const blobs = new Map(stored.map((r) => [`${r.locale}\u0000${r.day}\u0000${r.article}`, r.histogram]));
    const out: unknown[][] = [];
    for (const [id, { key, counts }] of this.rows) {
      const histogram = histogramCounts(blobs.get(id));
      let changed = false;
      for (const [seconds, n] of counts) {
        if (n === 0) continue;
        histogram.set(seconds, (histogram.get(seconds) ?? 0) + n);
        changed = true;
      }
      if (changed) out.push([...key, encodeHistogram(histogram)]);
    }
    await upsertRows(
      sql,
      { table: 'article_read_days', columns: [['locale', 'text'], ['day', 'text'], ['article', 'text'], ['histogram', 'bytea']], key: ['locale', 'day', 'article'], onConflict: { set: ['histogram'] } },
      out,
    );
    this.rows.clear();
  }
}
