/**
 * Failed logins and failed Bearer tokens per client address (SPEC 8): 10 in a minute, then that address waits until
 * its oldest failure is a minute old; nobody else does. The failures are kept in the database (store.sessions), by a
 * keyed hash of the address, so every node of a PostgreSQL deployment counts the same tries: a guesser who spreads
 * them over the nodes gets no more. The address itself is not stored.
 */
import { createHmac } from 'node:crypto';
import type { Store } from '../../db/store.ts';
import { addressKey } from '../http/client-ip.ts';

export const FAILURES_PER_MINUTE = 10;
const WINDOW_MS = 60_000;
/** Failures older than this are deleted as new ones arrive; the table holds minutes of failures, not history. */
const KEEP_MS = 10 * WINDOW_MS;

export interface AuthThrottle {
  /** True while an address has used up its failures; its next attempt is refused without being checked. */
  blocked(ip: string): Promise<boolean>;
  /** Counts one failed attempt from an address. */
  failed(ip: string): Promise<void>;
}

export function createAuthThrottle(store: Pick<Store, 'sessions'>, secret: string, perMinute = FAILURES_PER_MINUTE): AuthThrottle {
  const hashOf = (ip: string) => createHmac('sha256', secret).update(`kb-auth-failure-v1|${addressKey(ip)}`).digest('base64url');
  return {
    blocked: async (ip) => (await store.sessions.failuresSince(hashOf(ip), Date.now() - WINDOW_MS)) >= perMinute,
    async failed(ip) {
      const now = Date.now();
      await store.sessions.recordFailure(hashOf(ip), now, now - KEEP_MS);
    },
  };
}
