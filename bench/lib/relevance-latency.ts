/** Server time of one search-as-you-type answer at 1,000 generated articles (the search part of site-search.ts, alone). */
import { buildIndex } from '../../api/search/build-index.ts';
import { LocaleSearch } from '../../api/search/searcher.ts';
import { generatedArticles, queriesFrom, randomWordQueries } from './corpus.ts';
import { cpuEach, ms, timeEach } from './stats.ts';

/** What the search box does while a word is typed: every prefix of the query from three characters on. */
function keystrokes(queries: readonly string[]): string[] {
  return queries.flatMap((q) => Array.from({ length: Math.max(0, q.length - 2) }, (_, i) => q.slice(0, i + 3)));
}

export async function typingLatency(): Promise<string> {
  const sources = generatedArticles(1000);
  const search = new LocaleSearch(buildIndex('en', 'en', sources));
  const sets = [
    { name: 'random words (the 1.17 ms figure of the site bench)', queries: randomWordQueries(sources) },
    { name: 'phrases from articles', queries: queriesFrom(sources) },
    { name: 'random words, every keystroke', queries: keystrokes(randomWordQueries(sources, 60)) },
  ];
  const rows: string[] = [];
  for (const set of sets) {
    for (const q of set.queries) search.search(q, 6);
    const wall = await timeEach(set.queries, (q) => search.search(q, 6));
    const cpu = cpuEach(set.queries, (q) => search.search(q, 6));
    rows.push(`| ${set.name} | ${set.queries.length} | ${ms(wall.median)} / ${ms(wall.p95)} | ${ms(cpu.median)} / ${ms(cpu.p95)} |`);
  }
  return [
    '### Search as you type: server time at 1,000 articles',
    '',
    '`LocaleSearch.search(q, 6)` (what GET /api/search runs for the search box, snippets included) on 1,000 generated',
    'articles of about 400 words (bench/lib/corpus.ts), warm. Aim: p95 under 1 ms.',
    '',
    '| queries | n | wall median / p95 | CPU median / p95 |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}
