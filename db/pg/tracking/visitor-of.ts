/**
 * The visitor hash a contact form's sender gets (SPEC 5.3), as ingest would give them today. Someone who sent no
 * event today (JavaScript off, Do Not Track) has no agreed salt yet: their hash then uses a salt derived from
 * KB_SECRET and the day, the same on every node (the per-visitor rate limit must agree across nodes) and linkable
 * to nothing ingest stores.
 */
import { createHmac } from 'node:crypto';
import { utcDay } from '../../tracking/salts.ts';
import { visitorHash } from '../../tracking/visitor-hash.ts';
import type { PgDb } from '../client.ts';

export async function pgVisitorOf(db: PgDb, secret: string, ip: string, userAgent: string, at: number): Promise<string> {
  const day = utcDay(at);
  const [row] = await db.$client<[{ salt: string } | undefined]>`SELECT salt FROM salts WHERE day = ${day}`;
  const salt = row?.salt ?? createHmac('sha256', secret).update(`kb-contact-visitor:${day}`).digest('hex');
  return visitorHash(salt, ip, userAgent);
}
