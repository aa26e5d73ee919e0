/** Server time of one search-as-you-type answer at 1,000 generated articles (the search part of site-search.ts, alone). */
import { performance } from 'node:perf_hooks';
import { buildIndex } from '../../api/search/build-index.ts';
import { LocaleSearch } from '../../api/search/searcher.ts';
import { generatedArticles, queriesFrom, randomWordQueries } from './corpus.ts';
import { ms, percentile } from './stats.ts';

/** What the search box does while a word is typed: every prefix of the query from three characters on. */
function keystrokes(queries: readonly string[]): string[] {
  return queries.flatMap((q) => Array.from({ length: Math.max(0, q.length - 2) }, (_, i) => q.slice(0, i + 3)));
}

const ROUNDS = 5;

interface Timing {
  wall: number[];
  cpu: number[];
}

/** Each query once per round, wall and CPU time of this process apart (CPU time: what neighbours on the cores do not add). */
function timeRounds(queries: readonly string[], fn: (q: string) => unknown): Timing[] {
  const rounds: Timing[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (const q of queries) {
      const c = process.cpuUsage();
      const t = performance.now();
      fn(q);
      wall.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
    }
    rounds.push({ wall, cpu });
  }
  return rounds;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pair = (xs: number[]) => {
  const s = sorted(xs);
  return `${ms(percentile(s, 50), 3)} / ${ms(percentile(s, 95), 3)}`;
};

export async function typingLatency(): Promise<string> {
  const sources = generatedArticles(1000);
  const search = new LocaleSearch(buildIndex('en', 'en', sources));
  const sets = [
    { name: 'random words (the 1.17 ms figure of the site bench)', queries: randomWordQueries(sources) },
    { name: 'phrases from articles', queries: queriesFrom(sources) },
    { name: 'random words, every keystroke', queries: keystrokes(randomWordQueries(sources, 60)) },
  ];
  // Warm the JIT on other queries, so the first round of each set meets its words for the first time (cold caches).
  for (const q of [...queriesFrom(sources, 300, 99), ...keystrokes(randomWordQueries(sources, 30, 98))]) search.search(q, 6);
  const rows: string[] = [];
  for (const set of sets) {
    const rounds = timeRounds(set.queries, (q) => search.search(q, 6));
    const first = rounds[0]!;
    const all = { wall: rounds.flatMap((r) => r.wall), cpu: rounds.flatMap((r) => r.cpu) };
    rows.push(`| ${set.name} | ${set.queries.length} × ${ROUNDS} | ${pair(all.wall)} | ${pair(all.cpu)} | ${pair(first.wall)} |`);
  }
  return [
    '### Search as you type: server time at 1,000 articles',
    '',
    '`LocaleSearch.search(q, 6)` (what GET /api/search runs for the search box, snippets included) on 1,000 generated',
    `articles of about 400 words (bench/lib/corpus.ts). Each query is timed once per round, ${ROUNDS} rounds; the figures pool`,
    'every timing (so a garbage collection or a neighbour on the cores counts against us). The first round meets each',
    "query's words for the first time (the typo and stem caches are cold; the JIT was warmed on other queries). Aim: p95 under 1 ms.",
    '',
    '| queries | n | wall median / p95 | CPU median / p95 | first round (cold): wall median / p95 |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
