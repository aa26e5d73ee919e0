/** Per-visitor rate limit for the events endpoint: a token bucket per client, in memory, O(1) per request. */

export interface RateLimiter {
  /** Takes `cost` tokens from the key's bucket; false when it does not hold that many (nothing is taken). */
  take(key: string, cost: number, now?: number): boolean;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * `perMinute` events per key per minute, refilled continuously, with a burst of one minute's worth.
 * Full buckets are dropped once a minute so memory follows active visitors only.
 */
export function createRateLimiter(perMinute: number): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const perMs = perMinute / 60_000;
  let lastSweep = 0;

  const refill = (b: Bucket, now: number) => {
    b.tokens = Math.min(perMinute, b.tokens + (now - b.at) * perMs);
    b.at = now;
  };

  function sweep(now: number) {
    for (const [key, b] of buckets) {
      refill(b, now);
      if (b.tokens >= perMinute) buckets.delete(key);
    }
    lastSweep = now;
  }

  return {
    take(key, cost, now = Date.now()) {
      if (now - lastSweep > 60_000) sweep(now);
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = { tokens: perMinute, at: now }));
      else refill(b, now);
      if (b.tokens < cost) return false;
      b.tokens -= cost;
      return true;
    },
  };
}
