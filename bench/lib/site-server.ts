/** (a) Which server goes in front: GET /api/health through api/server.ts, bare Hono, and Astro's handler. */
import { loadavg } from 'node:os';
import { startServers } from './child.ts';
import { load, type Load } from './load.ts';

const row = (name: string, path: string, r: Load, bare: Load) =>
  `| ${name} | \`${path}\` | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50} ms | ${r.p99} ms | ${Math.round((100 * r.rps) / bare.rps)}% | ${r.errors} |`;

export async function serverDesign(): Promise<string> {
  const servers = await startServers();
  const url = (server: keyof typeof servers.ports, path: string) => `http://127.0.0.1:${servers.ports[server]}${path}`;
  try {
    const bare = await load(url('bare', '/api/health'));
    const ours = await load(url('ours', '/api/health'));
    const astro = await load(url('astro', '/api/health'));
    const page = await load(url('ours', '/articles/set-up-your-studio'));
    const search = await load(url('ours', '/search?q=refund'));
    return [
      '### Server design: Hono in front of Astro',
      '',
      'autocannon, 50 connections, 5 s per row, loopback; the servers run in one child process, the load generator',
      'in this one (both on the same 2 cores). "vs bare" is req/s against bare Hono measured in the same run.',
      `Load average before the run: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (other work on the machine lowers every row alike).`,
      '',
      '| server | path | req/s | p50 | p99 | vs bare | errors |',
      '|---|---|---|---|---|---|---|',
      row('bare Hono on @hono/node-server (same app)', '/api/health', bare, bare),
      row('api/server.ts (ours: Hono first)', '/api/health', ours, bare),
      row('Astro handler in front, delegating to Hono', '/api/health', astro, bare),
      row('api/server.ts, prerendered article (sirv, brotli)', '/articles/set-up-your-studio', page, bare),
      row('api/server.ts, on-demand Astro page', '/search?q=refund', search, bare),
    ].join('\n');
  } finally {
    await servers.stop();
  }
}
