/** Small normalisations settled at ingest: search queries (SPEC 7.2) and referrers (host only, SPEC 5.3). */

/** Trimmed, lower-cased, inner whitespace collapsed to one space. */
export function normalizeQuery(query: string): string {
  return query.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The host of a referrer URL (or of a bare host name); null when there is none or it cannot be read. */
export function referrerHost(referrer: string | undefined): string | null {
  if (!referrer) return null;
  try {
    const url = new URL(referrer.includes('://') ? referrer : `https://${referrer}`);
    return url.hostname || null;
  } catch {
    return null;
  }
}
