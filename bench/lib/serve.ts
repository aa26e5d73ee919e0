/**
 * Child process for HTTP benchmarks (the load generator must not share the server's event loop).
 * Serves the same runtime three ways and prints their ports as one JSON line:
 * `ours` (api/server.ts), `bare` (Hono alone on @hono/node-server), `astro` (every request through Astro's handler).
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createAdaptorServer } from '@hono/node-server';
import { createRuntime } from '../../api/runtime.ts';
import { createServer } from '../../api/server.ts';
import { loadSearchDir } from '../../api/search/service.ts';
import { tempDb } from '../../test/helpers/db.ts';
import { generateDemo } from '../../bin/demo/generate.ts';
import { searchTotalOf } from '../../bin/demo/search.ts';

const distDir = fileURLToPath(new URL('../../dist', import.meta.url));
const searchDir = process.argv[2] && process.argv[2] !== '-' ? process.argv[2] : undefined;
// `--demo`: 90 days of the demo's traffic in the database first, so pages that read views have some to read.
const demo = process.argv.includes('--demo');

const temp = tempDb();
const kb = await createRuntime(temp.config, searchDir ? { search: loadSearchDir(searchDir) } : {});
if (demo) {
  const contentDir = fileURLToPath(new URL('../../content', import.meta.url));
  await generateDemo(kb.store, kb.config, { contentDir, days: 90, seed: 5, searchTotal: searchTotalOf(kb.search) });
}
const ours = await createServer({ app: kb.app, distDir, locals: { kb } });
const bare = createAdaptorServer({ fetch: kb.app.fetch }) as Server;
type Handler = (req: unknown, res: unknown, next: () => void, locals: object) => Promise<void>;
const { handler } = (await import(pathToFileURL(join(distDir, 'server', 'entry.mjs')).href)) as { handler: Handler };
const astro = createHttpServer((req, res) => void handler(req, res, () => res.writeHead(404).end(), { kb }));

// The bench pauses between rounds for longer than Node's 5 s keep-alive; a client reusing a socket the
// server just closed fails with "other side closed", which says nothing about the server's speed.
for (const s of [ours, bare, astro]) s.keepAliveTimeout = 120_000;

const listen = (s: Server) => new Promise<number>((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)));
console.log(JSON.stringify({ ours: await listen(ours), bare: await listen(bare), astro: await listen(astro) }));

const stop = async () => {
  for (const s of [ours, bare, astro]) s.closeAllConnections();
  await kb.close();
  temp.cleanup();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
