/**
 * Dashboard sessions (SPEC 8): a random id per login, kept only as a keyed hash (store.sessions), ending after 12
 * hours idle, 7 days in all, at logout, or when the admin token changes; the CSRF token of a form is bound to its
 * session. KB_SECRET keys every hash, so every node agrees and a stolen database yields no usable cookie.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Store } from '../../db/store.ts';
import { tokensMatch } from './token.ts';

export const SESSION_COOKIE = 'kb_admin';
export const SESSION_IDLE_MS = 12 * 60 * 60_000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60_000;
/** last_seen_at is written at most this often, so reading a dashboard page is not a write per request. */
const TOUCH_EVERY_MS = 60_000;
/** Dead sessions are swept at start and then at most this often (on a login). */
const SWEEP_EVERY_MS = 60 * 60_000;
const LIMITS = { idleMs: SESSION_IDLE_MS, absoluteMs: SESSION_ABSOLUTE_MS };

export interface Session {
  idHash: string;
  createdAt: number;
  /** The CSRF token every state-changing form and cookie-authenticated API request of this session carries. */
  csrf: string;
}

export interface Sessions {
  /** Opens a session for a login that proved the admin token; returns the cookie value and the session. */
  open(now?: number): Promise<{ cookie: string; session: Session }>;
  /** The live session a cookie value names, or undefined (unknown, expired, logged out, or from an older token). */
  find(cookie: string | undefined, now?: number): Promise<Session | undefined>;
  /** Logout: the cookie is refused from now on. */
  end(cookie: string | undefined): Promise<void>;
  /** Deletes expired sessions and those of an earlier admin token. */
  sweep(now?: number): Promise<number>;
  /** A CSRF token bound to something other than a session (the login form's nonce). */
  csrfFor(binding: string): string;
  /** True when `given` is the CSRF token for `binding` (constant time). */
  csrfMatches(binding: string, given: unknown): boolean;
}

/** Cookie values are 32 random bytes, base64url: anything else is refused without a lookup. */
const COOKIE_SHAPE = /^[\w-]{43}$/;

export function createSessions(store: Pick<Store, 'sessions'>, { adminToken, secret }: { adminToken: string; secret: string }): Sessions {
  const mac = (purpose: string, value: string) => createHmac('sha256', secret).update(`${purpose}|${value}`).digest('base64url');
  const idHashOf = (cookie: string) => mac('kb-session-v2', cookie);
  const tokenHash = mac('kb-admin-token-v2', adminToken);
  const csrfFor = (binding: string) => mac('kb-csrf-v2', binding);
  const toSession = (row: { idHash: string; createdAt: number }): Session => ({ idHash: row.idHash, createdAt: row.createdAt, csrf: csrfFor(row.idHash) });
  let nextSweep = 0;
  const sweep = async (now = Date.now()) => {
    nextSweep = now + SWEEP_EVERY_MS;
    return store.sessions.endDead(now, LIMITS, tokenHash);
  };

  return {
    async open(now = Date.now()) {
      if (now > nextSweep) await sweep(now);
      const cookie = randomBytes(32).toString('base64url');
      const row = { idHash: idHashOf(cookie), tokenHash, createdAt: now, lastSeenAt: now };
      await store.sessions.open(row);
      return { cookie, session: toSession(row) };
    },
    async find(cookie, now = Date.now()) {
      if (!cookie || !COOKIE_SHAPE.test(cookie)) return undefined;
      const row = await store.sessions.find(idHashOf(cookie), now, LIMITS);
      if (!row || !tokensMatch(row.tokenHash, tokenHash)) return undefined;
      if (now - row.lastSeenAt > TOUCH_EVERY_MS) await store.sessions.touch(row.idHash, now);
      return toSession(row);
    },
    async end(cookie) {
      if (cookie && COOKIE_SHAPE.test(cookie)) await store.sessions.end(idHashOf(cookie));
    },
    sweep,
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
