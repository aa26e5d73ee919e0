/**
 * Dashboard sessions (SPEC 8): a random id per login, kept only as a keyed hash, ending after 12 hours idle,
 * 7 days in all, at logout, or when the admin token changes; the CSRF token of a form is bound to its session.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../../db/sqlite/client.ts';
import { deleteDeadSessions, deleteSession, findLiveSession, insertSession, touchSession } from '../../db/admin/sessions.ts';
import { tokensMatch } from './token.ts';

export const SESSION_COOKIE = 'kb_admin';
export const SESSION_IDLE_MS = 12 * 60 * 60_000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60_000;
/** last_seen_at is written at most this often, so reading a dashboard page is not a write per request. */
const TOUCH_EVERY_MS = 60_000;
const LIMITS = { idleMs: SESSION_IDLE_MS, absoluteMs: SESSION_ABSOLUTE_MS };

export interface Session {
  idHash: string;
  createdAt: number;
  /** The CSRF token every state-changing form and cookie-authenticated API request of this session carries. */
  csrf: string;
}

export interface Sessions {
  /** Opens a session for a login that proved the admin token; returns the cookie value and the session. */
  open(now?: number): { cookie: string; session: Session };
  /** The live session a cookie value names, or undefined (unknown, expired, logged out, or from an older token). */
  find(cookie: string | undefined, now?: number): Session | undefined;
  /** Logout: the cookie is refused from now on. */
  end(cookie: string | undefined): void;
  /** A CSRF token bound to something other than a session (the login form's nonce). */
  csrfFor(binding: string): string;
  /** True when `given` is the CSRF token for `binding` (constant time). */
  csrfMatches(binding: string, given: unknown): boolean;
}

/** Cookie values are 32 random bytes, base64url: anything else is refused without a lookup. */
const COOKIE_SHAPE = /^[\w-]{43}$/;

export function createSessions(db: Db, { adminToken, secret }: { adminToken: string; secret: string }): Sessions {
  const mac = (purpose: string, value: string) => createHmac('sha256', secret).update(`${purpose}|${value}`).digest('base64url');
  const idHashOf = (cookie: string) => mac('kb-session-v2', cookie);
  const tokenHash = mac('kb-admin-token-v2', adminToken);
  const csrfFor = (binding: string) => mac('kb-csrf-v2', binding);
  const toSession = (row: { idHash: string; createdAt: number }): Session => ({ idHash: row.idHash, createdAt: row.createdAt, csrf: csrfFor(row.idHash) });
  // Sessions of an earlier admin token, and expired ones, go at start; find() refuses them in between.
  deleteDeadSessions(db, Date.now(), LIMITS, tokenHash);
  let nextSweep = Date.now() + 60 * 60_000;

  return {
    open(now = Date.now()) {
      if (now > nextSweep) {
        deleteDeadSessions(db, now, LIMITS, tokenHash);
        nextSweep = now + 60 * 60_000;
      }
      const cookie = randomBytes(32).toString('base64url');
      const row = { idHash: idHashOf(cookie), tokenHash, createdAt: now, lastSeenAt: now };
      insertSession(db, row);
      return { cookie, session: toSession(row) };
    },
    find(cookie, now = Date.now()) {
      if (!cookie || !COOKIE_SHAPE.test(cookie)) return undefined;
      const row = findLiveSession(db, idHashOf(cookie), now, LIMITS);
      if (!row || !tokensMatch(row.tokenHash, tokenHash)) return undefined;
      if (now - row.lastSeenAt > TOUCH_EVERY_MS) touchSession(db, row.idHash, now);
      return toSession(row);
    },
    end(cookie) {
      if (cookie && COOKIE_SHAPE.test(cookie)) deleteSession(db, idHashOf(cookie));
    },
    csrfFor,
    csrfMatches: (binding, given) => typeof given === 'string' && given.length > 0 && tokensMatch(given, csrfFor(binding)),
  };
}

/** The session cookie's value in a Cookie header. */
export function sessionCookie(cookieHeader: string | null | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(/;\s*/)) {
    if (part.startsWith(`${SESSION_COOKIE}=`)) return part.slice(SESSION_COOKIE.length + 1);
  }
  return undefined;
}
