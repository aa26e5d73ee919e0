/** Daily random salts behind visitor hashes: one per UTC day, older ones deleted so past days cannot be linked. */
import { randomBytes } from 'node:crypto';
import type { IngestStatements } from './ingest-statements.ts';

/** The UTC day (YYYY-MM-DD) of an epoch-millisecond time. */
export function utcDay(ts: number): string {
  return new Date(ts).toISOString().slice(0, 10);
}

export interface SaltBook {
  /** The salt for a day; creating it (and deleting older ones) when the day is new. Call inside a transaction. */
  saltFor(day: string): string;
  /** Drops what memory holds after a failed transaction; the database is read again. */
  reload(): void;
}

/**
 * Salts are stored so a restart the same day keeps visitors stable. A day older than the newest stored one
 * (only when backfilling with explicit times) gets a salt kept in memory only, never written back.
 */
export function createSaltBook(stmts: IngestStatements, today: string): SaltBook {
  const byDay = new Map<string, string>();
  let newest = '';

  function reload() {
    byDay.clear();
    newest = '';
    for (const { day, salt } of stmts.allSalts.all()) {
      byDay.set(day, salt);
      if (day > newest) newest = day;
    }
  }

  function rotateTo(day: string, salt: string) {
    stmts.insertSalt.run(day, salt);
    stmts.deleteSaltsBefore.run(day);
    for (const old of byDay.keys()) if (old < day) byDay.delete(old);
    newest = day;
  }

  stmts.deleteSaltsBefore.run(today);
  reload();

  return {
    saltFor(day) {
      const known = byDay.get(day);
      if (known) return known;
      const salt = randomBytes(32).toString('hex');
      if (day > newest) rotateTo(day, salt);
      byDay.set(day, salt);
      return salt;
    },
    reload,
  };
}
