/**
 * `npm run bench -- relevance`: known-item search on the 303 real Arduino help-center articles, ours against other
 * engines in the same run (MRR, success@1, success@5), the share of no-answer queries answered with zero results,
 * and search-as-you-type latency at 1,000 articles.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { realArticles } from './lib/corpus.ts';
import { miniSearch, miniSearchAnd, orama, ours, type Engine } from './lib/relevance-engines.ts';
import { contactBar } from './lib/relevance-contact.ts';

import { typingLatency } from './lib/relevance-latency.ts';

interface KnownItem {
  kind: string;
  query: string;
  target: string;
}
interface QueryFile {
  knownItem: KnownItem[];
  noAnswer: string[];
}

/** The slug corpus.ts gives an article, from its path under the content folder. */
export const slugOf = (path: string) => path.replace(/\.md$/, '').replace(/[^a-zA-Z0-9]+/g, '-').toLowerCase();

export function loadQueries(): QueryFile {
  return JSON.parse(readFileSync(new URL('./relevance/queries.json', import.meta.url), 'utf8')) as QueryFile;
}

interface Scores {
  mrr: number;
  at1: number;
  at5: number;
  n: number;
}

function score(engine: Engine, items: readonly KnownItem[]): Scores {
  let rr = 0;
  let at1 = 0;
  let at5 = 0;
  for (const item of items) {
    const rank = engine.search(item.query).shown.indexOf(slugOf(item.target)) + 1;
    if (rank > 0) rr += 1 / rank;
    if (rank === 1) at1++;
    if (rank >= 1 && rank <= 5) at5++;
  }
  return { mrr: rr / items.length, at1, at5, n: items.length };
}

const fmt = (s: Scores) => `${s.mrr.toFixed(3)} | ${s.at1}/${s.n} | ${s.at5}/${s.n}`;

export default async function relevance(): Promise<string> {
  const sources = realArticles();
  const { knownItem, noAnswer } = loadQueries();
  const engines = [ours(sources), miniSearch(sources), miniSearchAnd(sources), await orama(sources)];
  const kinds = [...new Set(knownItem.map((q) => q.kind))];
  const rows = engines.map((engine) => {
    const all = score(engine, knownItem);
    const byKind = kinds.map((k) => score(engine, knownItem.filter((q) => q.kind === k)));
    const zero = noAnswer.filter((q) => engine.search(q).total === 0).length;
    return `| ${engine.name} | ${fmt(all)} | ${byKind.map((s) => s.mrr.toFixed(2)).join(' | ')} | ${zero}/${noAnswer.length} (${Math.round((100 * zero) / noAnswer.length)}%) |`;
  });
  const misses = knownItem
    .map((item) => ({ item, rank: engines[0]!.search(item.query).shown.indexOf(slugOf(item.target)) + 1 }))
    .filter((m) => m.rank !== 1)
    .map((m) => `\`${m.item.query}\` (${m.rank === 0 ? 'not shown' : `rank ${m.rank}`})`);
  const answered = noAnswer.filter((q) => engines[0]!.search(q).total > 0).map((q) => `\`${q}\``);
  return [
    `## Relevance (measured ${new Date().toISOString().slice(0, 10)})`,
    '',
    `Known-item search on the ${sources.length} real Arduino Help Center articles (../shared/data/real/articles, CC BY-SA 4.0):`,
    `${knownItem.length} queries a customer would type (bench/relevance/queries.json, committed before any tuning: paraphrases,`,
    'one-slip typos, plural and inflection changes, questions), each naming the one article it looks for. MRR is the mean of',
    '1/rank of that article in what the engine shows (0 when it is not in the first 10); success@k counts queries with it in',
    `the first k. For ours, "shown" is the results, or the partial results when nothing has every word (the page shows both).`,
    `Then ${noAnswer.length} queries with no answer in the corpus: the share each engine answers with zero results (ours: \`total\` = 0).`,
    'Every engine gets the same text and the same field weights; ours runs without synonyms (none are written for this corpus).',
    '',
    `| engine | MRR | success@1 | success@5 | ${kinds.map((k) => `MRR ${k}`).join(' | ')} | no-answer queries with zero results |`,
    `|---|---|---|---|${kinds.map(() => '---').join('|')}|---|`,
    ...rows,
    '',
    ...engines.map((e) => `- ${e.name}: ${e.note}.`),
    '',
    `Ours, queries whose article is not first: ${misses.join(', ') || 'none'}.`,
    '',
    `Ours, no-answer queries answered with results: ${answered.join(', ') || 'none'}.`,
    '',
    contactBar(sources, knownItem.map((k) => ({ query: k.query, slug: slugOf(k.target) })), noAnswer),
    '',
    await typingLatency(),
    '',
    `Load average when measured: ${loadavg().map((l) => l.toFixed(1)).join(', ')}.`,
  ].join('\n');
}
