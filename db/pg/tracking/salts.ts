/**
 * Daily salts agreed by every node: the first node to need a day's salt inserts one, every node reads back the
 * one that won (INSERT ... ON CONFLICT DO NOTHING, then SELECT). A stored salt never changes, so once read it is
 * kept in memory for the day. Older salts are deleted, as on SQLite, so past days cannot be linked.
 */
import { randomBytes } from 'node:crypto';
import type { Sql } from '../client.ts';

export interface PgSaltBook {
  /** The agreed salt of a UTC day (YYYY-MM-DD). */
  saltFor(day: string): Promise<string>;
}

export function createPgSaltBook(sql: Sql): PgSaltBook {
  const known = new Map<string, string>();
  let newest = '';

  async function agree(day: string): Promise<string> {
    const mine = randomBytes(32).toString('hex');
    const [inserted] = await sql<[{ salt: string } | undefined]>`
      INSERT INTO salts (day, salt) VALUES (${day}, ${mine}) ON CONFLICT (day) DO NOTHING RETURNING salt`;
    if (inserted) return inserted.salt;
    // Another node won (its insert committed before ours gave way); a new statement sees its row.
    const [row] = await sql<[{ salt: string } | undefined]>`SELECT salt FROM salts WHERE day = ${day}`;
    if (row) return row.salt;
    // Only when the day's row was deleted as old (a backfill of a past day): a salt for this process alone.
    return mine;
  }

  return {
    async saltFor(day) {
      const have = known.get(day);
      if (have) return have;
      if (day < newest) {
        // A past day (backfills with explicit times): its salt was deleted, and must stay so. Memory only.
        const salt = randomBytes(32).toString('hex');
        known.set(day, salt);
        return salt;
      }
      const salt = await agree(day);
      known.set(day, salt);
      if (day > newest) {
        newest = day;
        for (const old of known.keys()) if (old < day) known.delete(old);
        await sql`DELETE FROM salts WHERE day < ${day}`;
      }
      return salt;
    },
  };
}
