/** Another site for browser tests: one HTML page on its own origin, so a page can embed the snippet without request interception. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EmbedSite {
  /** The page's address. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `html` at `path` on 127.0.0.1 (any free port) and a bare 404 everywhere else. Not Playwright's `route()`:
 * with any route set, Playwright holds every request of the context until it lets it go, and a beacon sent while the
 * page closes (the read on pagehide) is dropped with the page before it reaches the server.
 */
export async function startEmbedSite(path: string, html: string): Promise<EmbedSite> {
  const server = createServer((req, res) => {
    const found = req.url === path;
    res.writeHead(found ? 200 : 404, { 'Content-Type': found ? 'text/html; charset=utf-8' : 'text/plain' });
    res.end(found ? html : 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
