/** The contact form's sender as a visitor hash (SPEC 5.3), the same one ingest gives their events, so their session is found. */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../sqlite/client.ts';
import { visitorHash } from './visitor-hash.ts';
import { salts } from '../schema/index.ts';

// Ingest owns the daily salts (it creates and rotates them), so this only reads today's. Someone who sent no
// event today (JavaScript off, or Do Not Track) gets a hash under a salt that lives in this process only:
// still enough for the per-visitor rate limit, and linkable to nothing.
const processSalt = randomBytes(32).toString('hex');

/** The visitor hash of a client at `at` under that day's salt (a process-local salt when there is none). */
export function visitorOf(db: Db, ip: string, userAgent: string, at: number): string {
  const day = new Date(at).toISOString().slice(0, 10);
  const row = db.select({ salt: salts.salt }).from(salts).where(eq(salts.day, day)).get();
  return visitorHash(row?.salt ?? processSalt, ip, userAgent);
}
