/** The scheduled digest's sent periods on PostgreSQL (as db/digest/sends.ts): one atomic claim a period across nodes. */
import type { DigestClaim, DigestSend } from '../../shared/digest.ts';
import type { PgDb } from '../client.ts';

/** Claims a period unless it was sent or another claim is live; one statement, so two nodes cannot both win. */
export async function claimDigestPeriodPg(db: PgDb, c: DigestClaim): Promise<boolean> {
  const rows = await db.$client`
    INSERT INTO digest_sends (period, claimed_by, claimed_at, recipients, attempts) VALUES (${c.period}, ${c.owner}, ${c.now}, ${c.recipients}, 1)
    ON CONFLICT (period) DO UPDATE SET claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at,
      recipients = excluded.recipients, attempts = digest_sends.attempts + 1
    WHERE digest_sends.sent_at IS NULL AND digest_sends.claimed_at < ${c.staleBefore}
    RETURNING period`;
  return rows.length === 1;
}

export async function markDigestSentPg(db: PgDb, period: string, owner: string, at: number): Promise<void> {
  await db.$client`UPDATE digest_sends SET sent_at = ${at}, last_error = NULL WHERE period = ${period} AND claimed_by = ${owner}`;
}

export async function markDigestFailedPg(db: PgDb, f: { period: string; owner: string; error: string; retryAt: number; leaseMs: number }): Promise<void> {
  await db.$client`UPDATE digest_sends SET last_error = ${f.error.slice(0, 500)}, claimed_at = ${f.retryAt - f.leaseMs}
    WHERE period = ${f.period} AND claimed_by = ${f.owner} AND sent_at IS NULL`;
}

export async function listDigestSendsPg(db: PgDb, limit = 20): Promise<DigestSend[]> {
  return db.$client<DigestSend[]>`
    SELECT period, claimed_by AS "claimedBy", claimed_at AS "claimedAt", sent_at AS "sentAt", recipients, attempts, last_error AS "lastError"
    FROM digest_sends ORDER BY period DESC LIMIT ${limit}`;
}
