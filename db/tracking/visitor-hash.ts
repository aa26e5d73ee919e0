/** The cookieless visitor id (SPEC 5.3): a hash of the day's salt, client IP and user agent. */
import { createHash } from 'node:crypto';

/** 128 bits of SHA-256; the raw IP and user agent go no further than this function. */
export function visitorHash(salt: string, ip: string, userAgent: string): string {
  return createHash('sha256').update(salt).update('\0').update(ip).update('\0').update(userAgent).digest('hex').slice(0, 32);
}
