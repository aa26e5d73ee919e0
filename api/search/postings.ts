/**
 * Impact postings read from a serialised lunr index: per term, the articles that hold it (ascending) and the term's
 * BM25 weight in each, summed over the weighted fields. lunr's own query scores an article as the sum of these
 * weights over the query's terms; holding them per term lets search intersect before it scores.
 */

interface LunrJson {
  fieldVectors: [fieldRef: string, vector: number[]][];
  invertedIndex: [term: string, posting: { _index: number }][];
}

/** A sorted list of articles with a score each: what a term, a word or a whole query matches. */
export interface Hits {
  docs: ArrayLike<number>;
  scores: ArrayLike<number>;
}

export const NO_HITS: Hits = { docs: [], scores: [] };

/** The first position in an ascending list whose value is not below `value` (the list's length if none). */
export function lowerBound<T extends number | string>(list: ArrayLike<T>, value: T): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Postings {
  /** Index terms (stems), sorted as lunr keeps them. */
  vocabulary: string[];
  termId: Map<string, number>;
  /** Per term id: articles holding it and its weight in each. */
  lists: { docs: Int32Array; weights: Float32Array }[];
  /** Per term id: articles holding it in their title (its weight there). */
  titles: { docs: Int32Array; weights: Float32Array }[];
  /** Per term id: articles holding it where an article says what it is about: title, headings, description or tags. */
  strong: { docs: Int32Array; weights: Float32Array }[];
  /** Per term id: the largest weight any article gives it (the most a query word can score). */
  best: Float32Array;
}

export function readPostings(json: object): Postings {
  const { fieldVectors, invertedIndex } = json as LunrJson;
  const vocabulary = invertedIndex.map(([term]) => term);
  const termId = new Map(vocabulary.map((t, i) => [t, i]));
  // lunr's vectors index terms by `_index`, the order they were first seen; map those to sorted ids.
  const byLunrIndex = new Int32Array(invertedIndex.length);
  invertedIndex.forEach(([, posting], id) => (byLunrIndex[posting._index] = id));
  const perTerm: Map<number, number>[] = vocabulary.map(() => new Map());
  const perTitle: Map<number, number>[] = vocabulary.map(() => new Map());
  const perStrong: Map<number, number>[] = vocabulary.map(() => new Map());
  for (const [fieldRef, vector] of fieldVectors) {
    const slash = fieldRef.indexOf('/');
    const doc = Number(fieldRef.slice(slash + 1));
    const field = fieldRef.slice(0, slash);
    const title = field === 'title';
    const strong = field !== 'body';
    for (let i = 0; i < vector.length; i += 2) {
      const id = byLunrIndex[vector[i]!]!;
      // lunr rounds weights to three decimals; a present term never weighs nothing.
      const weight = Math.max(vector[i + 1]!, 0.001);
      perTerm[id]!.set(doc, (perTerm[id]!.get(doc) ?? 0) + weight);
      if (title) perTitle[id]!.set(doc, weight);
      if (strong) perStrong[id]!.set(doc, (perStrong[id]!.get(doc) ?? 0) + weight);
    }
  }
  const lists = perTerm.map(toList);
  const titles = perTitle.map(toList);
  const strong = perStrong.map(toList);
  const best = Float32Array.from(lists, (l) => l.weights.reduce((a, b) => Math.max(a, b), 0));
  return { vocabulary, termId, lists, titles, strong, best };
}

function toList(m: Map<number, number>): { docs: Int32Array; weights: Float32Array } {
  const docs = Int32Array.from([...m.keys()].sort((a, b) => a - b));
  return { docs, weights: Float32Array.from(docs, (d) => m.get(d)!) };
}

/** One term of a query: its id, how much it counts, and the articles using the customer's own word form (see query.ts). */
export interface PostingRef {
  id: number;
  boost: number;
  own?: { docs: Int32Array; strong: Int32Array };
}

/**
 * How much a stem match counts in an article that uses only other words of that stem ("books" for "booking"). Below
 * the one-typo boost (0.6): the customer's own word misspelt is nearer than another word that stems alike.
 */
export const OTHER_FORM = 0.5;

/**
 * A term's postings in one field, own-form aware: in all fields, an article without the customer's own word counts
 * OTHER_FORM of its weight; where an article says what it is about (title, strong), only the own word counts.
 */
function termHits(postings: Postings, { id, boost, own }: PostingRef, field: 'lists' | 'titles' | 'strong'): Hits {
  const list = postings[field][id]!;
  if (own && field !== 'lists') return keepOnly(list, own.strong, boost);
  if (own && field === 'lists') return scaleOthers(list, own.docs, boost);
  // The common case, one exact word: the postings themselves, no copy.
  return { docs: list.docs, scores: boost === 1 ? list.weights : Array.from(list.weights, (w) => w * boost) };
}

/** The list's weights, times OTHER_FORM for articles not in `own` (both ascending). */
function scaleOthers(list: { docs: Int32Array; weights: Float32Array }, own: Int32Array, boost: number): Hits {
  const scores = new Float64Array(list.docs.length);
  let j = 0;
  for (let i = 0; i < list.docs.length; i++) {
    const d = list.docs[i]!;
    while (j < own.length && own[j]! < d) j++;
    scores[i] = list.weights[i]! * boost * (own[j] === d ? 1 : OTHER_FORM);
  }
  return { docs: list.docs, scores };
}

/** The list restricted to articles in `keep` (both ascending). */
function keepOnly(list: { docs: Int32Array; weights: Float32Array }, keep: Int32Array, boost: number): Hits {
  const docs: number[] = [];
  const scores: number[] = [];
  let j = 0;
  for (let i = 0; i < list.docs.length; i++) {
    const d = list.docs[i]!;
    while (j < keep.length && keep[j]! < d) j++;
    if (keep[j] === d) {
      docs.push(d);
      scores.push(list.weights[i]! * boost);
    }
  }
  return { docs, scores };
}

/** Articles holding any of `terms`, each scored by its best one (`boost` scales each term). */
export function anyOf(postings: Postings, terms: readonly PostingRef[], field: 'lists' | 'titles' | 'strong' = 'lists'): Hits {
  if (terms.length === 1) return termHits(postings, terms[0]!, field);
  const best = new Map<number, number>();
  for (const term of terms) {
    const { docs, scores } = termHits(postings, term, field);
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      const s = scores[i]!;
      if ((best.get(d) ?? 0) < s) best.set(d, s);
    }
  }
  const docs = [...best.keys()].sort((a, b) => a - b);
  return { docs, scores: docs.map((d) => best.get(d)!) };
}

/** Articles in both lists, scores added. */
export function intersect(a: Hits, b: Hits): Hits {
  const docs: number[] = [];
  const scores: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.docs.length && j < b.docs.length) {
    const x = a.docs[i]!;
    const y = b.docs[j]!;
    if (x === y) {
      docs.push(x);
      scores.push(a.scores[i++]! + b.scores[j++]!);
    } else if (x < y) i++;
    else j++;
  }
  return { docs, scores };
}

/** Articles in either list; an article in both gets `combine` of its two scores. */
function union(a: Hits, b: Hits, combine: (x: number, y: number) => number): Hits {
  const docs: number[] = [];
  const scores: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.docs.length || j < b.docs.length) {
    const x = a.docs[i] ?? Infinity;
    const y = b.docs[j] ?? Infinity;
    if (x === y) {
      docs.push(x);
      scores.push(combine(a.scores[i++]!, b.scores[j++]!));
    } else if (x < y) {
      docs.push(x);
      scores.push(a.scores[i++]!);
    } else {
      docs.push(y);
      scores.push(b.scores[j++]!);
    }
  }
  return { docs, scores };
}

const add = (x: number, y: number) => x + y;

/** Articles in either list, each with its better score. */
export const unionMax = (a: Hits, b: Hits): Hits => union(a, b, Math.max);

/** Articles in either list, scores added (partial matches: more words, more score). */
export const unionSum = (a: Hits, b: Hits): Hits => union(a, b, add);
