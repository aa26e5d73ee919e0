/** Site benchmarks: server design (Hono in front), search latency by corpus size, article page weight, build time. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildSite, needsBuild } from '../bin/build-site.ts';
import { serverDesign } from './lib/site-server.ts';
import { searchLatency } from './lib/site-search.ts';
import { pageWeight, buildTime } from './lib/site-page.ts';
import { typingLatency } from './lib/site-typing.ts';
import { homeCost } from './lib/site-home.ts';

export default async function site(): Promise<string> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (needsBuild(root, join(root, 'dist'))) await buildSite(root);
  const parts = [
    `## Site (measured ${new Date().toISOString().slice(0, 10)})`,
    await serverDesign(),
    await searchLatency(),
    await typingLatency(),
    await pageWeight(),
    await homeCost(),
    await buildTime(1000),
  ];
  return parts.join('\n\n');
}
