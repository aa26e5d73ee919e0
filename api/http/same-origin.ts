/**
 * The cross-site check for every state-changing request a browser may send with our cookie or from our forms:
 * a browser sends Origin (and Sec-Fetch-Site) on a POST, and it must be this site's. Another port or a sibling
 * subdomain is another origin, though SameSite=Strict cookies travel to it.
 */

export interface OriginHeaders {
  origin?: string | null;
  secFetchSite?: string | null;
  /** The URL the request was made to (its origin is ours, whatever host the server is reached by). */
  requestUrl: string;
}

/** False when a browser tells us the request came from another origin. Clients without these headers (curl) are not browsers. */
export function isSameOrigin(h: OriginHeaders, siteUrl: string): boolean {
  if (h.secFetchSite && !['same-origin', 'none'].includes(h.secFetchSite)) return false;
  if (!h.origin) return true;
  if (h.origin === 'null') return false;
  return h.origin === new URL(h.requestUrl).origin || h.origin === new URL(siteUrl).origin;
}

/** The same check on a request's headers. */
export function isSameOriginRequest(headers: Headers, requestUrl: string, siteUrl: string): boolean {
  return isSameOrigin({ origin: headers.get('origin'), secFetchSite: headers.get('sec-fetch-site'), requestUrl }, siteUrl);
}
