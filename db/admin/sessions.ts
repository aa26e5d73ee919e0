/** Stored dashboard sessions (open, find, touch, end one, end all; expiry by the caller's times) and failed logins. */
import { and, count, eq, gt, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../sqlite/client.ts';
import { adminSessions, authFailures } from '../schema/index.ts';

export type SessionRow = typeof adminSessions.$inferSelect;

export function insertSession(db: Db, row: SessionRow): void {
  db.insert(adminSessions).values(row).run();
}

/** The session with this id hash, if it is still within both limits at `now`. */
export function findLiveSession(db: Db, idHash: string, now: number, limits: { idleMs: number; absoluteMs: number }): SessionRow | undefined {
  return db
    .select()
    .from(adminSessions)
    .where(and(eq(adminSessions.idHash, idHash), gt(adminSessions.lastSeenAt, now - limits.idleMs), gt(adminSessions.createdAt, now - limits.absoluteMs)))
    .get();
}

export function touchSession(db: Db, idHash: string, now: number): void {
  db.update(adminSessions).set({ lastSeenAt: now }).where(eq(adminSessions.idHash, idHash)).run();
}

export function deleteSession(db: Db, idHash: string): void {
  db.delete(adminSessions).where(eq(adminSessions.idHash, idHash)).run();
}

/** Deletes sessions past either limit, and those opened with another admin token; returns how many. */
export function deleteDeadSessions(db: Db, now: number, limits: { idleMs: number; absoluteMs: number }, tokenHash: string): number {
  return db
    .delete(adminSessions)
    .where(or(lt(adminSessions.lastSeenAt, now - limits.idleMs), lt(adminSessions.createdAt, now - limits.absoluteMs), ne(adminSessions.tokenHash, tokenHash)))
    .run().changes;
}

/** One failed attempt, and the failures before `forgetBefore` (of every address) forgotten, in one transaction. */
export function recordFailure(db: Db, addressHash: string, at: number, forgetBefore: number): void {
  db.transaction((tx) => {
    tx.delete(authFailures).where(lt(authFailures.at, forgetBefore)).run();
    tx.insert(authFailures).values({ addressHash, at }).run();
  });
}

export function failuresSince(db: Db, addressHash: string, since: number): number {
  return db.select({ n: count() }).from(authFailures).where(and(eq(authFailures.addressHash, addressHash), gt(authFailures.at, since))).get()?.n ?? 0;
}
