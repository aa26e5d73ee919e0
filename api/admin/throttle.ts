/**
 * Failed logins and failed Bearer tokens per client address (SPEC 8): about 10 a minute, then that address waits;
 * nobody else does. In memory, per process: a guesser gets 10 tries a minute per node, which is what matters.
 */
import { addressKey } from '../http/client-ip.ts';
import { createRateLimiter } from '../http/rate-limit.ts';

export const FAILURES_PER_MINUTE = 10;

export interface AuthThrottle {
  /** True while an address has used up its failures; its next attempt is refused without being checked. */
  blocked(ip: string): boolean;
  /** Counts one failed attempt from an address. */
  failed(ip: string): void;
}

export function createAuthThrottle(perMinute = FAILURES_PER_MINUTE): AuthThrottle {
  const failures = createRateLimiter(perMinute);
  return {
    blocked: (ip) => !failures.has(addressKey(ip), 1),
    failed: (ip) => void failures.take(addressKey(ip), 1),
  };
}
