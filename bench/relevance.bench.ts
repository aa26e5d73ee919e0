/**
 * `npm run bench -- relevance`: known-item search on the 303 real Arduino help-center articles, ours against other
 * engines in the same run (MRR, success@1, success@5) on two query sets, the tuning set and a held-out set nothing was
 * tuned on, each without and with a synonym list a writer could add; the share of no-answer queries answered with zero
 * results; contact-form suggestions; search-as-you-type latency at 1,000 articles.
 */
import { loadavg } from 'node:os';
import { realArticles } from './lib/corpus.ts';
import { ENGINES, type Engine } from './lib/relevance-engines.ts';
import { contactBar } from './lib/relevance-contact.ts';
import { typingLatency } from './lib/relevance-latency.ts';
import { querySets, rankOf, score, zeroResults, type QuerySet, type Scores } from './lib/relevance-queries.ts';
import { SYNONYM_FILE, benchSynonyms } from './lib/relevance-synonyms.ts';

const fmt = (s: Scores) => `${s.mrr.toFixed(3)} | ${s.at1}/${s.n} | ${s.at5}/${s.n}`;
const pct = (k: number, n: number) => `${k}/${n} (${Math.round((100 * k) / n)}%)`;

interface Run {
  engine: Engine;
  synonyms: boolean;
}

function mainTable(runs: Run[], sets: QuerySet[]): string[] {
  const typos = (set: QuerySet) => set.knownItem.filter((q) => q.kind === 'typo');
  return [
    `| engine | synonyms | ${sets.map((s) => `${s.name}: MRR | success@1 | success@5`).join(' | ')} | ${sets.map((s) => `${s.name}: MRR typos`).join(' | ')} | ${sets.map((s) => `${s.name}: no-answer with zero results`).join(' | ')} |`,
    `|---|---|${sets.map(() => '---|---|---').join('|')}|${sets.map(() => '---').join('|')}|${sets.map(() => '---').join('|')}|`,
    ...runs.map(
      ({ engine, synonyms }) =>
        `| ${engine.name} | ${synonyms ? 'yes' : 'no'} | ${sets.map((s) => fmt(score(engine, s.knownItem))).join(' | ')} | ${sets.map((s) => score(engine, typos(s)).mrr.toFixed(3)).join(' | ')} | ${sets.map((s) => pct(zeroResults(engine, s.noAnswer), s.noAnswer.length)).join(' | ')} |`,
    ),
  ];
}

function kindTable(runs: Run[], sets: QuerySet[]): string[] {
  const kinds = [...new Set(sets.flatMap((s) => s.knownItem.map((q) => q.kind)))];
  const count = (s: QuerySet, k: string) => s.knownItem.filter((q) => q.kind === k).length;
  return [
    `| engine | synonyms | query set | ${kinds.map((k) => `MRR ${k}`).join(' | ')} |`,
    `|---|---|---|${kinds.map(() => '---').join('|')}|`,
    ...sets.map((s) => `| (queries) | | ${s.name} | ${kinds.map((k) => count(s, k)).join(' | ')} |`),
    ...runs.flatMap(({ engine, synonyms }) =>
      sets.map(
        (s) =>
          `| ${engine.name} | ${synonyms ? 'yes' : 'no'} | ${s.name} | ${kinds.map((k) => score(engine, s.knownItem.filter((q) => q.kind === k)).mrr.toFixed(2)).join(' | ')} |`,
      ),
    ),
  ];
}

const rankText = (rank: number) => (rank === 0 ? 'not shown' : `rank ${rank}`);

function misses(engine: Engine, set: QuerySet): string {
  const list = set.knownItem
    .map((item) => ({ item, rank: rankOf(engine, item) }))
    .filter((m) => m.rank !== 1)
    .map((m) => `\`${m.item.query}\` (${rankText(m.rank)})`);
  return list.join(', ') || 'none';
}

/** Queries whose article moved when the synonyms were added, so a reader can judge what the list did. */
function synonymEffect(without: Engine, withSynonyms: Engine, set: QuerySet): string {
  const moved = set.knownItem
    .map((item) => ({ item, before: rankOf(without, item), after: rankOf(withSynonyms, item) }))
    .filter((m) => m.before !== m.after)
    .map((m) => `\`${m.item.query}\` (${rankText(m.before)} → ${rankText(m.after)})`);
  return moved.join(', ') || 'none';
}

export default async function relevance(): Promise<string> {
  const loadBefore = loadavg();
  const sources = realArticles();
  const { tuning, heldOut } = querySets();
  const sets = [tuning, heldOut];
  const rules = benchSynonyms();
  const runs: Run[] = [];
  for (const factory of ENGINES) {
    runs.push({ engine: await factory(sources, []), synonyms: false });
    runs.push({ engine: await factory(sources, rules), synonyms: true });
  }
  const [oursPlain, oursSynonyms] = [runs[0]!.engine, runs[1]!.engine];
  const answered = (engine: Engine, set: QuerySet) =>
    set.noAnswer.filter((q) => engine.search(q).total > 0).map((q) => `\`${q}\``).join(', ') || 'none';
  const latency = await typingLatency();
  return [
    `## Relevance (measured ${new Date().toISOString().slice(0, 10)})`,
    '',
    `Known-item search on the ${sources.length} real Arduino Help Center articles (../shared/data/real/articles, CC BY-SA 4.0).`,
    `Two query sets, each query naming the one article a customer typing it looks for (paraphrases, one-slip typos, plural`,
    `and inflection changes, questions): the **tuning** set (${tuning.file}, ${tuning.knownItem.length} queries), on which`,
    `ranking settings were chosen, and the **held-out** set (${heldOut.file}, ${heldOut.knownItem.length} queries), written`,
    'later by reading the articles and never tuned on: the held-out figures are the ones to quote. MRR is the mean of',
    '1/rank of the article in what the engine shows (0 when it is not in the first 10); success@k counts queries with it in',
    'the first k. For ours, "shown" is the results, or the partial results when nothing has every word (the page shows both).',
    `Each set also has queries with no answer in the corpus (${tuning.noAnswer.length} and ${heldOut.noAnswer.length}): the share each engine answers`,
    'with zero results (ours: `total` = 0). Every engine gets the same text and the same field weights, once without',
    `synonyms and once with the ${rules.length} rules of ${SYNONYM_FILE} (a list a writer of this help center could add,`,
    'committed before the held-out set was first run); engines without synonyms of their own get the same rules applied to the',
    'query (see each note).',
    '',
    ...mainTable(runs, sets),
    '',
    ...runs.filter((r) => !r.synonyms).map((r) => `- ${r.engine.name}: ${r.engine.note}.`),
    '',
    'MRR by kind of query:',
    '',
    ...kindTable(runs, sets),
    '',
    ...sets.flatMap((set) => [
      `Ours, ${set.name} set, queries whose article is not first, without synonyms: ${misses(oursPlain, set)}.`,
      '',
      `With synonyms: ${misses(oursSynonyms, set)}.`,
      '',
      `What the synonyms moved (${set.name}): ${synonymEffect(oursPlain, oursSynonyms, set)}.`,
      '',
      `Ours, ${set.name} no-answer queries answered with results: ${answered(oursPlain, set)}; with synonyms: ${answered(oursSynonyms, set)}.`,
      '',
    ]),
    contactBar(sources, sets),
    '',
    latency,
    '',
    `Load average before and after this bench: ${loadBefore.map((l) => l.toFixed(2)).join(', ')} → ${loadavg().map((l) => l.toFixed(2)).join(', ')}.`,
  ].join('\n');
}
