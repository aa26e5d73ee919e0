/** The scheduled digest's record of a period (digest_sends), as the store answers it. */

export interface DigestSend {
  /** `week:<its Monday>`. */
  period: string;
  claimedBy: string;
  claimedAt: number;
  sentAt: number | null;
  recipients: string;
  attempts: number;
  lastError: string | null;
}

/** A claim on a period: by whom, when, and how old another claim may be before it is stale. */
export interface DigestClaim {
  period: string;
  owner: string;
  now: number;
  /** Claims made before this (epoch ms) and not sent are stale and may be taken over. */
  staleBefore: number;
  recipients: string;
}
