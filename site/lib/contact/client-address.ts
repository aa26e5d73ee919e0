/** The sender's address for an Astro page: the socket's, or with KB_TRUST_PROXY the proxy's X-Forwarded-For (as api/client-ip.ts does for Hono). */

export function pageClientAddress(headers: Headers, socketAddress: () => string, trustProxy: boolean): string {
  if (trustProxy) {
    // The right-most entry is the one the trusted proxy saw; the others come from the client.
    const last = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  try {
    return socketAddress();
  } catch {
    return '';
  }
}
