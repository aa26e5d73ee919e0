/**
 * The only file that starts an HTTP server: the front door normalises the path once (so every spelling of an API
 * path reaches Hono with its client address), sets the hardening headers on every answer, then Hono answers /api,
 * sirv the built pages, Astro the rest.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import sirv from 'sirv';
import compression from 'compression';
import type { App as HonoApp } from './app.ts';
import { PREFIXED_LOCALES } from '../db/shared/locales.ts';
import { isApiPath, normalizeTarget } from './http/normalize-path.ts';
import { SECURITY_HEADERS } from './http/security-headers.ts';

/**
 * Slow headers are a socket held for nothing (slowloris): the whole header block must arrive within this. Node
 * checks its timeouts every connectionsCheckingInterval (30 s by default), so that is shortened too.
 */
const HEADERS_TIMEOUT_MS = 10_000;
const TIMEOUT_CHECK_MS = 1_000;
/** The methods anything here answers; others (TRACE, CONNECT...) are refused before a Request is built for them. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'OPTIONS']);
/**
 * An answer sent before its request's body was read (a 413, a refused form) leaves the rest of the body coming.
 * Node drains it to keep the connection alive; past a megabyte the connection is no longer read (the client's
 * sending stalls) and a second after the answer it is cut. Cutting sooner would reset the connection before the client
 * had read the answer (a reset discards what it had not read yet).
 */
const LINGER_MS = 1_000;
const LINGER_BYTES = 1024 * 1024;

/** How often a lingering connection's byte count is looked at. */
const LINGER_CHECK_MS = 5;

function lingerThenCut(req: IncomingMessage, res: ServerResponse): void {
  // Taken now: a request stream destroyed by a reader that stopped early no longer names its socket.
  const socket = req.socket;
  res.once('finish', () => {
    if (req.complete) return;
    // Counted on the socket, not from the request's 'data' events: Node itself discards the rest of a body nobody
    // read (its response 'finish' handler runs first and dumps the request, which then emits no data), and a client
    // could send 60-200 MB in the linger second.
    const from = socket.bytesRead;
    const stop = () => {
      clearTimeout(timer);
      clearInterval(watch);
    };
    const cut = () => {
      stop();
      socket.destroy();
    };
    const stall = () => {
      clearInterval(watch);
      socket.pause();
    };
    const timer = setTimeout(cut, LINGER_MS);
    const watch = setInterval(() => socket.bytesRead - from > LINGER_BYTES && stall(), LINGER_CHECK_MS);
    timer.unref();
    watch.unref();
    // Only a body read to its end keeps the connection; a request stream closed early still has its socket cut.
    req.once('end', stop);
    socket.once('close', stop);
  });
}

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
  // Pages rendered on demand (home pages, /search, the dashboard) are compressed as they are sent; brotli at
  // quality 4 costs well under a millisecond for a page. Prerendered files come precompressed from sirv.
  const compress = compression({ threshold: 1024 }) as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  const notFound = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(localeNotFound.get(req.url?.split('/')[1] ?? '') ?? notFoundPage);
  };

  const server = createHttpServer({ headersTimeout: HEADERS_TIMEOUT_MS, connectionsCheckingInterval: TIMEOUT_CHECK_MS }, (req, res) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    lingerThenCut(req, res);
    if (!METHODS.has(req.method ?? '')) {
      res.writeHead(405, { Allow: [...METHODS].join(', '), 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('Method not allowed.\n');
    }
    const target = normalizeTarget(req.url ?? '/');
    if (!target.ok) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
      return void res.end(`Bad request: ${target.reason}.\n`);
    }
    // Everything after this point, Hono, sirv and Astro alike, routes on the one normalised spelling.
    req.url = target.path + target.search;
    if (isApiPath(target.path)) return void api(req, res);
    // Pages rendered on demand are compressed as they are sent; built files come precompressed from sirv.
    const page = () => compress(req, res, () => void astro.handler(req, res, () => notFound(req, res), { ...locals }));
    // Built files answer reads only; a post goes to Astro, whose middleware reads bodies only where a form is taken.
    if (req.method === 'GET' || req.method === 'HEAD') {
      // sirv pipes a file it listed at start; if a rebuild removed it since, the read fails after the headers went:
      // end that one answer rather than let the unhandled stream error take the whole server down.
      res.once('pipe', (file: NodeJS.ReadableStream) => file.once('error', () => res.destroy()));
      assets(req, res, page);
    }
    else page();
  });
  return server;
}
