/** Stored dashboard sessions: open, find, touch, end one, end all; expiry is decided by the caller's times. */
import { and, eq, gt, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../sqlite/client.ts';
import { adminSessions } from '../schema/index.ts';

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
