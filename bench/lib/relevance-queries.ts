/** The relevance bench's query sets (bench/relevance/*.json) and how an engine is scored on them. */
import { readFileSync } from 'node:fs';
import type { Engine } from './relevance-engines.ts';

export interface KnownItem {
  kind: string;
  query: string;
  /** The article's path under the content folder. */
  target: string;
}

export interface QuerySet {
  name: string;
  file: string;
  knownItem: KnownItem[];
  noAnswer: string[];
}

/** The slug corpus.ts gives an article, from its path under the content folder. */
export const slugOf = (path: string) => path.replace(/\.md$/, '').replace(/[^a-zA-Z0-9]+/g, '-').toLowerCase();

function load(name: string, file: string): QuerySet {
  const data = JSON.parse(readFileSync(new URL(`../relevance/${file}`, import.meta.url), 'utf8')) as Omit<QuerySet, 'name' | 'file'>;
  return { name, file: `bench/relevance/${file}`, knownItem: data.knownItem, noAnswer: data.noAnswer };
}

/** The tuning set (ranking settings were chosen on it) and the held-out set (never tuned on). */
export function querySets(): { tuning: QuerySet; heldOut: QuerySet } {
  return { tuning: load('tuning', 'queries.json'), heldOut: load('held-out', 'held-out.json') };
}

export interface Scores {
  mrr: number;
  at1: number;
  at5: number;
  n: number;
}

/** Rank of the item's article in what the engine shows (1-based), 0 when not shown. */
export function rankOf(engine: Engine, item: KnownItem): number {
  return engine.search(item.query).shown.indexOf(slugOf(item.target)) + 1;
}

export function score(engine: Engine, items: readonly KnownItem[]): Scores {
  let rr = 0;
  let at1 = 0;
  let at5 = 0;
  for (const item of items) {
    const rank = rankOf(engine, item);
    if (rank > 0) rr += 1 / rank;
    if (rank === 1) at1++;
    if (rank >= 1 && rank <= 5) at5++;
  }
  return { mrr: items.length ? rr / items.length : 0, at1, at5, n: items.length };
}

/** No-answer queries the engine answers with zero results. */
export function zeroResults(engine: Engine, queries: readonly string[]): number {
  return queries.filter((q) => engine.search(q).total === 0).length;
}
