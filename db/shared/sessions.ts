/** What a stored dashboard session is (SPEC 8), as the sessions group of the store speaks it. */

export interface SessionRecord {
  /** HMAC-SHA256 (KB_SECRET) of the random id the cookie carries: the cookie itself is never stored. */
  idHash: string;
  /** HMAC-SHA256 (KB_SECRET) of the admin token it was opened with: a new token ends every session. */
  tokenHash: string;
  /** Epoch ms of the login. */
  createdAt: number;
  /** Epoch ms of the last request seen (refreshed at most once a minute). */
  lastSeenAt: number;
}

/** How long a session may live: without a request (idle) and in all (absolute), in ms. */
export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}
