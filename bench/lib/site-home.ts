/**
 * (e) What popular articles cost: the home page is rendered on demand to read the views. Its weight, its server time
 * against prerendered pages of the same server, and the views query alone, on a database with 90 days of demo traffic.
 */
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateDemo } from '../../bin/demo/generate.ts';
import { searchTotalOf } from '../../bin/demo/search.ts';
import { loadSearchDir } from '../../api/search/service.ts';
import { popularWindow } from '../../api/popular/route.ts';
import { tempDb } from '../../test/helpers/db.ts';
import { startServers } from './child.ts';
import { load } from './load.ts';
import { kb, percentile } from './stats.ts';

/** One GET with brotli accepted: time to the last byte and bytes on the wire. */
function get(url: string): Promise<{ ms: number; bytes: number; status: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ ms: performance.now() - start, bytes, status: res.statusCode ?? 0 }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function latency(url: string, n = 300): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 20; i++) await get(url); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < n; i++) ms.push((await get(url)).ms);
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

async function viewsQuery(): Promise<{ p50: number; p95: number; rows: number }> {
  const temp = tempDb();
  try {
    const search = searchTotalOf(loadSearchDir(fileURLToPath(new URL('../../dist/search', import.meta.url))));
    await generateDemo(temp.store, temp.config, { contentDir: fileURLToPath(new URL('../../content', import.meta.url)), days: 90, seed: 5, searchTotal: search });
    const rows = (temp.db.$client.prepare('SELECT count(*) AS n FROM article_days').get() as { n: number }).n;
    const [from, to] = popularWindow(Date.now(), temp.config.timeZone);
    const ms: number[] = [];
    for (let i = 0; i < 500; i++) {
      const start = performance.now();
      await temp.store.reports.articleViews(i % 2 ? 'en' : 'ru', from, to);
      ms.push(performance.now() - start);
    }
    ms.sort((a, b) => a - b);
    return { p50: percentile(ms, 50), p95: percentile(ms, 95), rows };
  } finally {
    temp.cleanup();
  }
}

export async function homeCost(): Promise<string> {
  const query = await viewsQuery();
  const servers = await startServers(undefined, { demo: true });
  const base = `http://127.0.0.1:${servers.ports.ours}`;
  try {
    const html = await (await fetch(`${base}/`)).text();
    const assets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g), ...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    const weights = [{ what: 'HTML /', ...(await get(`${base}/`)) }];
    for (const a of assets) weights.push({ what: a, ...(await get(base + a)) });
    const total = weights.reduce((s, w) => s + w.bytes, 0);
    const paths = ['/', '/ru/', '/categories/getting-started', '/articles/set-up-your-studio'];
    const lat = new Map<string, { p50: number; p95: number }>();
    for (const p of paths) lat.set(p, await latency(base + p));
    const home = await load(`${base}/`);
    const article = await load(`${base}/articles/set-up-your-studio`);
    const f = (x: number) => `${x.toFixed(2)} ms`;
    return [
      '### Home page: popular articles without a rebuild',
      '',
      'The home pages are rendered on demand so "Popular articles" follows the views (site/lib/popular.ts). Database: 90 days',
      `of demo traffic (${query.rows.toLocaleString('en')} article_days rows). Load average before the run: ${loadavg().map((l) => l.toFixed(1)).join(', ')}.`,
      '',
      `The views query alone (settle the rollups, sum 28 days of one locale): median **${f(query.p50)}**, p95 ${f(query.p95)}.`,
      '',
      `Weight of \`/\` and everything it loads, brotli: **${kb(total)}** (${weights.map((w) => `${w.what} ${kb(w.bytes)}`).join(', ')}).`,
      '',
      'Time to the last byte, one request at a time over loopback (300 requests after 20 to warm up), and autocannon',
      '(50 connections, 5 s) against a prerendered article of the same server:',
      '',
      '| page | rendered | p50 | p95 |',
      '|---|---|---|---|',
      ...paths.map((p) => `| \`${p}\` | ${p.includes('/categories/') || p.includes('/articles/') ? 'at build (sirv)' : 'on demand'} | ${f(lat.get(p)!.p50)} | ${f(lat.get(p)!.p95)} |`),
      '',
      `Under load: \`/\` ${Math.round(home.rps).toLocaleString('en')} req/s (p99 ${home.p99} ms), prerendered article ${Math.round(article.rps).toLocaleString('en')} req/s (p99 ${article.p99} ms).`,
    ].join('\n');
  } finally {
    await servers.stop();
  }
}
