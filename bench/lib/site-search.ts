/** (b) Search latency: bare lunr query, our search (with snippets) and GET /api/search, by corpus size. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildIndex } from '../../site/lib/search/build-index.ts';
import { lunr } from '../../site/lib/search/languages.ts';
import { LocaleSearch } from '../../site/lib/search/searcher.ts';
import type { SearchSource } from '../../site/lib/search/documents.ts';
import { generatedArticles, queriesFrom, realArticles } from './corpus.ts';
import { startServers } from './child.ts';
import { cpuEach, kb, ms, timeEach } from './stats.ts';

const tmp = fileURLToPath(new URL('../tmp/search', import.meta.url));

async function measure(name: string, sources: SearchSource[]): Promise<string> {
  const queries = queriesFrom(sources);
  let start = performance.now();
  const data = buildIndex('en', 'en', sources);
  const buildMs = performance.now() - start;
  const json = JSON.stringify(data);
  start = performance.now();
  const search = new LocaleSearch(JSON.parse(json));
  const loadMs = performance.now() - start;
  const bare = lunr.Index.load(data.index);

  // Warm up caches and the JIT the way a running server is warm.
  for (const q of queries) search.search(q);
  const lunrTimes = await timeEach(queries, (q) => bare.search(q));
  const ourTimes = await timeEach(queries, (q) => search.search(q, 10));
  const ourCpu = cpuEach(queries, (q) => search.search(q, 10));

  const dir = join(tmp, name.replace(/\W+/g, '-'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'en.json'), json);
  const servers = await startServers(dir);
  try {
    const url = (q: string) => `http://127.0.0.1:${servers.ports.ours}/api/search?q=${encodeURIComponent(q)}&locale=en&limit=6`;
    for (const q of queries.slice(0, 50)) await (await fetch(url(q))).arrayBuffer();
    const httpTimes = await timeEach(queries, async (q) => (await fetch(url(q))).arrayBuffer());
    return `| ${name} | ${sources.length.toLocaleString('en')} | ${(buildMs / 1000).toFixed(2)} s | ${kb(json.length)} / ${kb(gzipSync(json).length)} | ${ms(loadMs, 0)} | ${ms(lunrTimes.median)} / ${ms(lunrTimes.p95)} | ${ms(ourTimes.median)} / ${ms(ourTimes.p95)} | ${ms(ourCpu.median)} / ${ms(ourCpu.p95)} | ${ms(httpTimes.median)} / ${ms(httpTimes.p95)} |`;
  } finally {
    await servers.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function searchLatency(): Promise<string> {
  const rows = [
    await measure('real: Arduino Help Center', realArticles()),
    await measure('generated', generatedArticles(1000)),
    await measure('generated', generatedArticles(5000)),
  ];
  return [
    '### Search',
    '',
    '200 queries of 1 to 3 consecutive words taken from random articles of each corpus, run one after another.',
    '"bare lunr" is `index.search(q)` on the same index; "ours" is `LocaleSearch.search(q, 10)`: every word',
    'required (the last as a prefix) with a fallback to any word, and marked snippets for the top 10;',
    '"GET /api/search" is the whole HTTP round trip (limit 6, as the search box asks) through api/server.ts.',
    'Aim: query p95 under 1 ms at 1,000 articles and under 5 ms at 5,000. Wall-clock times suffer when other processes',
    'compete for the 2 cores; "CPU time" counts only the time this process spent, a fairer figure on a busy machine.',
    `Load average when measured: ${loadavg().map((l) => l.toFixed(1)).join(', ')}.`,
    '',
    '| corpus | articles | index build | index raw / gzip | load | bare lunr median / p95 | ours median / p95 | ours, CPU time | GET /api/search median / p95 |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
