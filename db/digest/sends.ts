/**
 * The scheduled digest's sent periods (digest_sends): a process claims a period before sending it, atomically, so
 * several processes on one database send it once; a claim not marked sent goes stale and may be taken over.
 */
import type { Db } from '../sqlite/client.ts';
import type { DigestClaim, DigestSend } from '../shared/digest.ts';

export type { DigestClaim, DigestSend } from '../shared/digest.ts';

/**
 * Claims `period` for `owner` when it is not sent and nobody holds a live claim (one made after `staleBefore`).
 * One statement (an upsert whose update only happens on a stale, unsent row), so two processes cannot both win.
 */
export function claimDigestPeriod(db: Db, c: DigestClaim): boolean {
  const row = db.$client
    .prepare(
      `INSERT INTO digest_sends (period, claimed_by, claimed_at, recipients, attempts) VALUES (?, ?, ?, ?, 1)
       ON CONFLICT (period) DO UPDATE SET claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at,
         recipients = excluded.recipients, attempts = digest_sends.attempts + 1
       WHERE digest_sends.sent_at IS NULL AND digest_sends.claimed_at < ?
       RETURNING period`,
    )
    .get(c.period, c.owner, c.now, c.recipients, c.staleBefore);
  return row !== undefined;
}

/** Marks a claimed period sent (only by its owner). */
export function markDigestSent(db: Db, period: string, owner: string, now: number): void {
  db.$client.prepare('UPDATE digest_sends SET sent_at = ?, last_error = NULL WHERE period = ? AND claimed_by = ?').run(now, period, owner);
}

/** Gives a failed claim back: it goes stale at `retryAt`, when any process may claim it again. */
export function markDigestFailed(db: Db, c: { period: string; owner: string; error: string; retryAt: number; leaseMs: number }): void {
  db.$client
    .prepare('UPDATE digest_sends SET last_error = ?, claimed_at = ? WHERE period = ? AND claimed_by = ? AND sent_at IS NULL')
    .run(c.error.slice(0, 500), c.retryAt - c.leaseMs, c.period, c.owner);
}

/** The newest periods, newest first (for tests and an admin who wonders). */
export function listDigestSends(db: Db, limit = 20): DigestSend[] {
  return db.$client
    .prepare(
      `SELECT period AS "period", claimed_by AS "claimedBy", claimed_at AS "claimedAt", sent_at AS "sentAt", recipients AS "recipients",
              attempts AS "attempts", last_error AS "lastError" FROM digest_sends ORDER BY period DESC LIMIT ?`,
    )
    .all(limit) as DigestSend[];
}
