/** Answers queries against one locale's serialised index: full matches, or partial ones with the missing words. */
import { analyser, pipelineFor } from './languages.ts';
import { queryWords, terms } from './normalize.ts';
import { escapeHtml, snippet } from './snippet.ts';
import { INDEX_VERSION, type SerializedIndex } from './build-index.ts';
import type { StoredDoc } from './documents.ts';
import { MAX_QUERY_LENGTH } from '../../db/shared/limits.ts';
import { NO_HITS, anyOf, intersect, readPostings, unionMax, unionSum, type Hits, type Postings } from './postings.ts';
import { SynonymTable, analyse, type Lexicon, type Unit } from './query.ts';
import { TypoLexicon } from './typo.ts';

/** One search answer, as GET /api/search and the /search page show it. */
export interface SearchResult {
  slug: string;
  title: string;
  url: string;
  category: string;
  /** HTML: matched words in <mark>, the rest escaped. */
  snippet: string;
}

/** An article with some of the words: shown with what it lacks ("Missing: apple"). */
export interface PartialResult extends SearchResult {
  missing: string[];
}

export interface SearchAnswer {
  /** Articles with every meaningful word: 0 means a zero-result search, whatever `partial` holds. */
  total: number;
  results: SearchResult[];
  /** When `total` is 0: articles with some of the words, most words first. */
  partial: PartialResult[];
  /** When `total` is 0: the words no article has, as typed. */
  missing: string[];
}

export const EMPTY_ANSWER: SearchAnswer = Object.freeze({ total: 0, results: [], partial: [], missing: [] }) as SearchAnswer;

/** Contact-form suggestions: the share of the words an article must have in its title, headings, description or tags (bench/RESULTS.md, Relevance). */
export const SUGGEST_STRONG_SHARE = 1;
const MAX_PREFIX_WORDS = 40;

interface Scored {
  units: Unit[];
  hits: Hits[];
  /** Per unit: the articles that have it in their title. */
  titleHits: Hits[];
  /** Per unit: the articles that have it in their title, headings, description or tags (computed on demand). */
  strongHits: () => Hits[];
  /** Every index term the query could match, for marking snippets. */
  terms: Set<string>;
}

export class LocaleSearch {
  readonly locale: string;
  private readonly docs: StoredDoc[];
  private readonly postings: Postings;
  private readonly lexicon: Lexicon;
  /** Surface words, sorted, and the stem of each. */
  private readonly words: string[];
  private readonly wordSet: Set<string>;
  private readonly stem: (word: string) => string | undefined;

  constructor(data: SerializedIndex) {
    if (data.version !== INDEX_VERSION) throw new Error(`The ${data.locale} search index is version ${data.version}, expected ${INDEX_VERSION}: rebuild the site.`);
    this.locale = data.locale;
    this.docs = data.docs;
    this.postings = readPostings(data.index);
    this.words = data.words.map(([w]) => w);
    this.wordSet = new Set(this.words);
    this.stem = memo(analyser(pipelineFor(data.language)));
    const typos = new TypoLexicon(this.words);
    const nearCache = memoList((w) => typos.near(w));
    this.lexicon = {
      stem: this.stem,
      termId: (stem) => this.postings.termId.get(stem),
      isWord: (word) => this.wordSet.has(word),
      wordsStartingWith: (prefix) => this.startingWith(prefix),
      wordsNear: nearCache,
      synonyms: new SynonymTable(data.synonyms, this.stem),
    };
  }

  get size(): number {
    return this.docs.length;
  }

  /** Best matches first: articles with every meaningful word; with none, the partial matches and the missing words. */
  search(query: string, limit = 10): SearchAnswer {
    const scored = this.score(query);
    if (!scored) return EMPTY_ANSWER;
    const { units, hits } = scored;
    const full = [...hits].sort((a, b) => a.docs.length - b.docs.length).reduce(intersect);
    const take = Math.max(0, limit);
    if (full.docs.length > 0) {
      const results = ranked(withTitles(full, scored.titleHits), take).map((d) => this.answer(d, scored.terms));
      return { total: full.docs.length, results, partial: [], missing: [] };
    }
    const missing = units.filter((_, i) => hits[i]!.docs.length === 0).map((u) => u.label);
    const any = withTitles(withCoverage(hits), scored.titleHits);
    const partial = ranked(any, take).map((d) => ({
      ...this.answer(d, scored.terms),
      missing: units.filter((_, i) => !has(hits[i]!, d)).map((u) => u.label),
    }));
    return { total: 0, results: [], partial, missing };
  }

  /**
   * Contact-form suggestions: articles with every word, at least SUGGEST_STRONG_SHARE of them where the article says
   * what it is about (title, headings, description, tags) rather than in passing, best first, at most `limit`:
   * none rather than weak matches ("two weeks" must not suggest "Set working hours").
   */
  suggest(query: string, limit = 3): SearchResult[] {
    return this.suggestions(query, SUGGEST_STRONG_SHARE)
      .slice(0, Math.max(0, limit))
      .map((d) => this.answer(d.doc, d.terms));
  }

  /** Full matches best first with the share of their words in strong fields at least `share` (the benchmark tries several). */
  suggestions(query: string, share: number): { doc: number; slug: string; terms: Set<string> }[] {
    const scored = this.score(query);
    if (!scored) return [];
    const full = withTitles(scored.hits.reduce(intersect), scored.titleHits);
    if (full.docs.length === 0) return [];
    const strong = scored.strongHits();
    return ranked(full)
      .filter((d) => strong.reduce((n, h) => n + (has(h, d) ? 1 : 0), 0) >= share * strong.length)
      .map((doc) => ({ doc, slug: this.docs[doc]!.slug, terms: scored.terms }));
  }

  /** The words of a text search counts (stop words left out), as written: the words a synonym line should name. */
  meaningfulWords(text: string): string[] {
    return queryWords(text).filter((w) => this.stem(w.replaceAll('-', '')) !== undefined);
  }

  /** Articles a writer might point a query at: those matching any of its words, best first (for synonym hints). */
  related(query: string, limit = 3): SearchResult[] {
    const scored = this.score(query);
    if (!scored) return [];
    return ranked(scored.hits.reduce(unionSum, NO_HITS))
      .slice(0, limit)
      .map((d) => this.answer(d, scored.terms));
  }

  private score(query: string): Scored | undefined {
    const units = analyse(query.slice(0, MAX_QUERY_LENGTH), this.lexicon);
    if (units.length === 0) return undefined;
    const terms = new Set<string>();
    const unitHits = (unit: Unit, field: 'lists' | 'titles' | 'strong') =>
      unit.alternatives.reduce((acc, alternative) => {
        if (alternative.some((slot) => slot.length === 0)) return acc;
        if (field === 'lists') for (const slot of alternative) for (const t of slot) terms.add(this.postings.vocabulary[t.id]!);
        return unionMax(acc, alternative.map((slot) => anyOf(this.postings, slot, field)).reduce(intersect));
      }, NO_HITS);
    const hits = units.map((unit) => unitHits(unit, 'lists'));
    const titleHits = units.map((unit) => unitHits(unit, 'titles'));
    return { units, hits, titleHits, terms, strongHits: () => units.map((unit) => unitHits(unit, 'strong')) };
  }

  private startingWith(prefix: string): string[] {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.words[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.words.length && out.length < MAX_PREFIX_WORDS && this.words[i]!.startsWith(prefix); i++) out.push(this.words[i]!);
    return out;
  }

  /** Index stems of a word as written in a text (snippets test thousands of them, hence the cache). */
  private readonly stemCache = new Map<string, string[]>();
  private wordStems(word: string): string[] {
    let stems = this.stemCache.get(word);
    if (!stems) {
      if (this.stemCache.size > 100_000) this.stemCache.clear();
      stems = terms(word).map((t) => this.stem(t) ?? t);
      this.stemCache.set(word, stems);
    }
    return stems;
  }

  private answer(doc: number, matched: Set<string>): SearchResult {
    const stored = this.docs[doc]!;
    const seen = new Map<string, boolean>();
    const isMatch = (word: string) => {
      let hit = seen.get(word);
      if (hit === undefined) seen.set(word, (hit = this.wordStems(word).some((t) => matched.has(t))));
      return hit;
    };
    const hint = candidates(matched);
    const html =
      snippet(stored.text, isMatch, { hint }) ??
      snippet(stored.description, isMatch, { length: 400 }) ??
      escapeHtml(stored.description);
    return { slug: stored.slug, title: stored.title, url: stored.url, category: stored.category, snippet: html };
  }
}

// Chosen on the relevance benchmark (bench/RESULTS.md): title coverage lifted MRR from 0.74 to 0.77.
const TITLE_BONUS = 1;
const COVERAGE_POWER = 2;

/**
 * An article whose title holds the query's words is what the query names: its score grows with the share of the
 * query's words its title has (all of them: doubled).
 */
function withTitles(hits: Hits, titleHits: readonly Hits[]): Hits {
  const scores = Array.from(hits.docs, (d, i) => {
    const inTitle = titleHits.reduce((n, t) => n + (has(t, d) ? 1 : 0), 0);
    return hits.scores[i]! * (1 + (TITLE_BONUS * inTitle) / titleHits.length);
  });
  return { docs: hits.docs, scores };
}

/** Partial matches: scores added over the words an article has, scaled by the share of the words it has. */
function withCoverage(hits: readonly Hits[]): Hits {
  const sum = hits.reduce(unionSum, NO_HITS);
  const scores = Array.from(sum.docs, (d, i) => sum.scores[i]! * (hits.reduce((n, h) => n + (has(h, d) ? 1 : 0), 0) / hits.length) ** COVERAGE_POWER);
  return { docs: sum.docs, scores };
}

/** Article ids by score, best first (ties: the earlier article); only the first `limit` when given. */
function ranked(hits: Hits, limit = Infinity): number[] {
  const better = (a: number, b: number) => hits.scores[b]! - hits.scores[a]! || hits.docs[a]! - hits.docs[b]!;
  const n = hits.docs.length;
  if (limit >= n || limit > 32) {
    const order = Array.from(hits.docs, (_, i) => i);
    order.sort(better);
    return order.slice(0, limit).map((i) => hits.docs[i]!);
  }
  // Search as you type wants six of possibly a thousand: keep the best few while scanning instead of sorting all.
  const top: number[] = [];
  for (let i = 0; i < n; i++) {
    if (top.length === limit && better(i, top[limit - 1]!) >= 0) continue;
    let at = top.length === limit ? limit - 1 : top.length;
    top[at] = i;
    while (at > 0 && better(top[at]!, top[at - 1]!) < 0) {
      [top[at], top[at - 1]] = [top[at - 1]!, top[at]!];
      at--;
    }
  }
  return top.map((i) => hits.docs[i]!);
}

function has(hits: Hits, doc: number): boolean {
  let lo = 0;
  let hi = hits.docs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits.docs[mid]! < doc) lo = mid + 1;
    else hi = mid;
  }
  return hits.docs[lo] === doc;
}

function scoreOf(hits: Hits, doc: number): number {
  let lo = 0;
  let hi = hits.docs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits.docs[mid]! < doc) lo = mid + 1;
    else hi = mid;
  }
  return hits.docs[lo] === doc ? hits.scores[lo]! : 0;
}

/**
 * Where a matched word may start: a word beginning with the first letters of a matched stem.
 * Stems are nearly always prefixes of their words, so the snippet stems only these candidates.
 */
function candidates(matched: Set<string>): RegExp | undefined {
  if (matched.size === 0) return undefined;
  const prefixes = [...new Set([...matched].map((t) => t.slice(0, 3)))].map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${prefixes.join('|')})`, 'giu');
}

/** Caches a word function; the vocabulary of a help center is small, the cache is bounded anyway. */
function memo(fn: (word: string) => string | undefined): (word: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (word) => {
    if (cache.has(word)) return cache.get(word);
    if (cache.size > 50_000) cache.clear();
    const value = fn(word);
    cache.set(word, value);
    return value;
  };
}

function memoList(fn: (word: string) => string[]): (word: string) => string[] {
  const cache = new Map<string, string[]>();
  return (word) => {
    let value = cache.get(word);
    if (!value) {
      if (cache.size > 10_000) cache.clear();
      cache.set(word, (value = fn(word)));
    }
    return value;
  };
}
