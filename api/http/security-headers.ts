/**
 * The hardening headers every answer carries (SPEC 8): a Content-Security-Policy, nosniff, a Referrer-Policy and
 * frame protection, set once at the front door so prerendered files, Astro pages and the API all get them.
 */

/**
 * Pages load only their own scripts, styles and fonts (the build emits no inline script or style; icons are
 * data: URLs), post forms only to this site, and may not be framed by anyone. JSON-LD blocks are data, not
 * scripts, so script-src does not apply to them.
 */
const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * `astro dev` serves Vite's client and styles as inline tags and connects a websocket; the same policy with those
 * allowed, so pages still work while frame protection and nosniff hold.
 */
export const DEV_PAGE_POLICY = PAGE_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self'", "connect-src 'self' ws: wss:");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': PAGE_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** Dashboard pages: the same, except that bars and charts size themselves with style attributes. */
const ADMIN_PAGE_POLICY = PAGE_POLICY.replace(
  "style-src 'self'",
  // Browsers that know style-src-elem/-attr allow attributes only; older ones fall back to style-src.
  "style-src 'self' 'unsafe-inline'; style-src-elem 'self'; style-src-attr 'unsafe-inline'",
);

/** The dashboard's answers: never stored by a browser or proxy, and no admin URL leaves the site as a referrer. */
export const ADMIN_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'same-origin',
  'Content-Security-Policy': ADMIN_PAGE_POLICY,
};
