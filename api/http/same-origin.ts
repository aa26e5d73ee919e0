/** The cross-site check for form posts: a browser always sends Origin (or Sec-Fetch-Site) on a POST; it must be ours. */

export interface OriginHeaders {
  origin?: string | null;
  secFetchSite?: string | null;
  /** The URL the request was made to (its origin is ours, whatever host the server is reached by). */
  requestUrl: string;
}

/** False when a browser tells us the post came from another site. Clients without these headers (curl) are not browsers, so no CSRF risk. */
export function isSameOrigin(h: OriginHeaders, siteUrl: string): boolean {
  if (h.secFetchSite && !['same-origin', 'none'].includes(h.secFetchSite)) return false;
  if (!h.origin) return true;
  if (h.origin === 'null') return false;
  return h.origin === new URL(h.requestUrl).origin || h.origin === new URL(siteUrl).origin;
}
