/** (b) Search latency: bare lunr query, our search (with snippets) and GET /api/search, by corpus size. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildIndex } from '../../api/search/build-index.ts';
import { lunr } from '../../api/search/languages.ts';
import { LocaleSearch } from '../../api/search/searcher.ts';
import type { SearchSource } from '../../api/search/documents.ts';
import { generatedArticles, queriesFrom, randomWordQueries, realArticles } from './corpus.ts';
import { startServers } from './child.ts';
import { cpuEach, kb, ms, timeEach } from './stats.ts';

const tmp = fileURLToPath(new URL('../tmp/search', import.meta.url));

interface QuerySet {
  name: string;
  queries: string[];
}

async function measure(name: string, sources: SearchSource[]): Promise<string[]> {
  const sets: QuerySet[] = [
    { name: 'random words', queries: randomWordQueries(sources) },
    { name: 'phrases from articles', queries: queriesFrom(sources) },
  ];
  let start = performance.now();
  const data = buildIndex('en', 'en', sources);
  const buildMs = performance.now() - start;
  const json = JSON.stringify(data);
  start = performance.now();
  const search = new LocaleSearch(JSON.parse(json));
  const loadMs = performance.now() - start;
  const bare = lunr.Index.load(data.index);

  const dir = join(tmp, name.replace(/\W+/g, '-') + sources.length);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'en.json'), json);
  const servers = await startServers(dir);
  const rows: string[] = [];
  try {
    const url = (q: string) => `http://127.0.0.1:${servers.ports.ours}/api/search?q=${encodeURIComponent(q)}&locale=en&limit=6`;
    for (const set of sets) {
      // Warm up caches and the JIT the way a running server is warm.
      for (const q of set.queries) search.search(q, 6);
      for (const q of set.queries.slice(0, 50)) await (await fetch(url(q))).arrayBuffer();
      const lunrTimes = await timeEach(set.queries, (q) => bare.search(q));
      const ourTimes = await timeEach(set.queries, (q) => search.search(q, 6));
      const ourCpu = cpuEach(set.queries, (q) => search.search(q, 6));
      const httpTimes = await timeEach(set.queries, async (q) => (await fetch(url(q))).arrayBuffer());
      const pair = (t: { median: number; p95: number }) => `${ms(t.median)} / ${ms(t.p95)}`;
      rows.push(
        `| ${name} | ${sources.length.toLocaleString('en')} | ${set.name} | ${(buildMs / 1000).toFixed(2)} s | ${kb(json.length)} / ${kb(gzipSync(json).length)} | ${ms(loadMs, 0)} | ${pair(lunrTimes)} | ${pair(ourTimes)} | ${pair(ourCpu)} | ${pair(httpTimes)} |`,
      );
    }
    return rows;
  } finally {
    await servers.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function searchLatency(): Promise<string> {
  const rows = [
    ...(await measure('real: Arduino Help Center', realArticles())),
    ...(await measure('generated', generatedArticles(1000))),
    ...(await measure('generated', generatedArticles(5000))),
  ];
  return [
    '### Search',
    '',
    'Two sets of 200 queries per corpus, run one after another: 1 to 3 words drawn uniformly from the corpus\' words',
    '(as PERF-BASELINES.md measured), and 1 to 3 consecutive words from random articles (frequent words, many matches:',
    'the harder case). "bare lunr" is `index.search(q)` on the same index; "ours" is `LocaleSearch.search(q, 6)`: every',
    'word required (the last as a prefix while typing) with a fallback to any word, and marked snippets for the top 6;',
    '"GET /api/search" is the whole HTTP round trip (limit 6, as the search box asks) through api/server.ts.',
    'Aim: query p95 under 1 ms at 1,000 articles and under 5 ms at 5,000. Wall-clock times suffer when other processes',
    'compete for the 2 cores; "CPU time" counts only the time this process spent, a fairer figure on a busy machine.',
    `Load average when measured: ${loadavg().map((l) => l.toFixed(1)).join(', ')}.`,
    '',
    '| corpus | articles | queries | index build | index raw / gzip | load | bare lunr median / p95 | ours median / p95 | ours, CPU time | GET /api/search median / p95 |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
