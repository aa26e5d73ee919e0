/** Token-bucket rate limits kept in memory, O(1) per request: per visitor and per client address (events), failed logins. */

export interface RateLimiter {
  /** Takes `cost` tokens from the key's bucket; false when it does not hold that many (nothing is taken). */
  take(key: string, cost: number, now?: number): boolean;
  /** True when the key's bucket holds at least `cost` tokens; takes nothing. */
  has(key: string, cost: number, now?: number): boolean;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * `capacity` tokens per key per window (a minute unless `windowMs` says otherwise), refilled continuously, with a
 * burst of one window's worth. Full buckets are dropped once a window so memory follows active keys only.
 */
export function createRateLimiter(capacity: number, windowMs = 60_000): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const perMs = capacity / windowMs;
  let lastSweep = 0;

  const refill = (b: Bucket, now: number) => {
    b.tokens = Math.min(capacity, b.tokens + (now - b.at) * perMs);
    b.at = now;
  };

  function sweep(now: number) {
    for (const [key, b] of buckets) {
      refill(b, now);
      if (b.tokens >= capacity) buckets.delete(key);
    }
    lastSweep = now;
  }

  function bucket(key: string, now: number): Bucket {
    if (now - lastSweep > windowMs) sweep(now);
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { tokens: capacity, at: now }));
    else refill(b, now);
    return b;
  }

  return {
    take(key, cost, now = Date.now()) {
      const b = bucket(key, now);
      if (b.tokens < cost) return false;
      b.tokens -= cost;
      return true;
    },
    has(key, cost, now = Date.now()) {
      const b = buckets.get(key);
      if (!b) return capacity >= cost;
      refill(b, now);
      return b.tokens >= cost;
    },
  };
}
