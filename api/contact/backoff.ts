/** When to try a failed delivery again: exponential backoff with jitter, capped, and a limit after which an admin must retry. */

export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 6 * 60 * 60_000;
/** About a day and a half of retries (30 s, 1 min, 2 min, ... 6 h, 6 h, ...). */
export const MAX_ATTEMPTS = 16;

/**
 * Delay before attempt `attempts + 1`, given `attempts` failures so far; null once MAX_ATTEMPTS failed.
 * "Equal jitter": half the exponential delay is fixed, half random, so retries of many requests spread out
 * without any coming back sooner than half the planned wait.
 */
export function retryDelay(attempts: number, random: () => number = Math.random): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const planned = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(planned / 2 + (random() * planned) / 2);
}
