/** The only file that starts an HTTP server: Hono answers /api, sirv the built pages, Astro the rest. */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import sirv from 'sirv';
import type { App as HonoApp } from './app.ts';
import { PREFIXED_LOCALES } from '../db/shared/locales.ts';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void, locals?: object) => Promise<void>;

export interface ServerOptions {
  app: HonoApp;
  /** The Astro build output (holds client/ and server/entry.mjs). */
  distDir: string;
  /** Handed to Astro pages rendered on demand as Astro.locals (a fresh copy per request, so nothing a page sets leaks into the next). */
  locals: App.Locals;
}

/** Builds the one HTTP server for site, API and dashboard. It does not listen. */
export async function createServer({ app, distDir, locals }: ServerOptions): Promise<Server> {
  const api = getRequestListener(app.fetch);
  const clientDir = join(distDir, 'client');
  const astro = (await import(pathToFileURL(join(distDir, 'server', 'entry.mjs')).href)) as { handler: NodeHandler };
  const notFoundPage = await readFile(join(clientDir, '404.html')).catch(() => Buffer.from('Not found'));
  // Unknown paths under /<locale>/ get that locale's not-found page where the build made one.
  const localeNotFound = new Map<string, Buffer>();
  for (const locale of PREFIXED_LOCALES) {
    const page = await readFile(join(clientDir, locale, '404', 'index.html')).catch(() => undefined);
    if (page) localeNotFound.set(locale, page);
  }
  const assets = sirv(clientDir, {
    etag: true,
    gzip: true,
    brotli: true,
    // Hashed bundles never change; pages may, so browsers revalidate them.
    setHeaders(res, pathname) {
      if (pathname.startsWith('/_astro/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  const notFound = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(localeNotFound.get(req.url?.split('/')[1] ?? '') ?? notFoundPage);
  };

  return createHttpServer((req, res) => {
    const url = req.url ?? '/';
    // One prefix test keeps the API path as short as bare Hono's (bench/RESULTS.md).
    if (url.startsWith('/api/') || url === '/api' || url.startsWith('/api?')) return void api(req, res);
    assets(req, res, () => void astro.handler(req, res, () => notFound(req, res), { ...locals }));
  });
}
