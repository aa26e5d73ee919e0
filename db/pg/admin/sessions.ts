/** Dashboard sessions and failed logins on PostgreSQL (as db/admin/sessions.ts): tables every node reads, expiry by the caller's clock. */
import { and, count, eq, gt, lt, ne, or } from 'drizzle-orm';
import type { SessionLimits, SessionRecord } from '../../shared/sessions.ts';
import type { PgDb } from '../client.ts';
import { adminSessions, authFailures } from '../schema/index.ts';

export async function insertSession(db: PgDb, row: SessionRecord): Promise<void> {
  await db.insert(adminSessions).values(row);
}

export async function findLiveSession(db: PgDb, idHash: string, now: number, limits: SessionLimits): Promise<SessionRecord | undefined> {
  const [row] = await db
    .select()
    .from(adminSessions)
    .where(and(eq(adminSessions.idHash, idHash), gt(adminSessions.lastSeenAt, now - limits.idleMs), gt(adminSessions.createdAt, now - limits.absoluteMs)));
  return row;
}

export async function touchSession(db: PgDb, idHash: string, now: number): Promise<void> {
  await db.update(adminSessions).set({ lastSeenAt: now }).where(eq(adminSessions.idHash, idHash));
}

export async function deleteSession(db: PgDb, idHash: string): Promise<void> {
  await db.delete(adminSessions).where(eq(adminSessions.idHash, idHash));
}

export async function deleteDeadSessions(db: PgDb, now: number, limits: SessionLimits, tokenHash: string): Promise<number> {
  const gone = await db
    .delete(adminSessions)
    .where(or(lt(adminSessions.lastSeenAt, now - limits.idleMs), lt(adminSessions.createdAt, now - limits.absoluteMs), ne(adminSessions.tokenHash, tokenHash)))
    .returning({ idHash: adminSessions.idHash });
  return gone.length;
}

export async function recordFailure(db: PgDb, addressHash: string, at: number, forgetBefore: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(authFailures).where(lt(authFailures.at, forgetBefore));
    await tx.insert(authFailures).values({ addressHash, at });
  });
}

export async function failuresSince(db: PgDb, addressHash: string, since: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(authFailures).where(and(eq(authFailures.addressHash, addressHash), gt(authFailures.at, since)));
  return row?.n ?? 0;
}
