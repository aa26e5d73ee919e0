/** article_read_days on PostgreSQL: histogram moves summed per (locale, day, article), each row read and written once per chunk. */
import { applyMoves, articleDayId, ReadSecondMoves } from '../../reports/rollups/read-second-moves.ts';
import { texts } from '../arrays.ts';
import type { Sql } from '../client.ts';
import { upsertRows } from '../upsert.ts';

export class PgReadSeconds extends ReadSecondMoves {
  /** Reads the touched rows, applies the moves and writes them back. */
  async flush(sql: Sql): Promise<void> {
    if (this.rows.size === 0) return;
    const keys = [...this.rows.values()].map((r) => r.key);
    const stored = await sql<Array<{ locale: string; day: string; article: string; histogram: Buffer }>>`
      SELECT r.locale, r.day, r.article, r.histogram
      FROM unnest(${texts(sql, keys.map((k) => k[0]))}::text[], ${texts(sql, keys.map((k) => k[1]))}::text[], ${texts(sql, keys.map((k) => k[2]))}::text[])
        AS k(locale, day, article)
      JOIN article_read_days r ON r.locale = k.locale AND r.day = k.day AND r.article = k.article`;
    const blobs = new Map(stored.map((r) => [articleDayId(r.locale, r.day, r.article), r.histogram]));
    const out: unknown[][] = [];
    for (const [id, { key, counts }] of this.rows) {
      const histogram = applyMoves(blobs.get(id), counts);
      if (histogram) out.push([...key, histogram]);
    }
    await upsertRows(
      sql,
      { table: 'article_read_days', columns: [['locale', 'text'], ['day', 'text'], ['article', 'text'], ['histogram', 'bytea']], key: ['locale', 'day', 'article'], onConflict: { set: ['histogram'] } },
      out,
    );
    this.rows.clear();
  }
}
