/** The contact form's sender as a visitor hash (SPEC 5.3), the same one ingest gives their events, so their session is found. */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/sqlite/client.ts';
import { visitorHash } from '../../db/tracking/visitor-hash.ts';
import { salts } from '../../db/schema/index.ts';
import { addressKey } from '../http/client-ip.ts';

// Ingest owns the daily salts (it creates and rotates them), so this only reads today's. Someone who sent no
// event today (JavaScript off, or Do Not Track) gets a hash under a salt that lives in this process only:
// still enough for the rate limits, and linkable to nothing.
const processSalt = randomBytes(32).toString('hex');

const todaysSalt = (db: Db, at: number) => {
  const day = new Date(at).toISOString().slice(0, 10);
  return db.select({ salt: salts.salt }).from(salts).where(eq(salts.day, day)).get()?.salt ?? processSalt;
};

/** The visitor (address and user agent) and the address alone, both hashed with today's salt. */
export function contactSender(db: Db, ip: string, userAgent: string, at: number): { visitor: string; address: string } {
  const salt = todaysSalt(db, at);
  // The user agent slot holds a marker no browser sends, so an address hash never equals a visitor hash.
  return { visitor: visitorHash(salt, ip, userAgent), address: visitorHash(salt, addressKey(ip), '\0address') };
}
