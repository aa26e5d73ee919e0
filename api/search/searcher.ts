/** Answers queries against one locale's serialised index: ranked results with marked snippets. */
import { analyser, lunr, pipelineFor } from './languages.ts';
import { terms } from './normalize.ts';
import { escapeHtml, snippet } from './snippet.ts';
import type { SerializedIndex } from './build-index.ts';
import type { StoredDoc } from './documents.ts';
import { MAX_QUERY_LENGTH } from '../../db/shared/limits.ts';

/** One search answer, as GET /api/search and the /search page show it. */
export interface SearchResult {
  slug: string;
  title: string;
  url: string;
  category: string;
  /** HTML: matched words in <mark>, the rest escaped. */
  snippet: string;
}

export interface SearchAnswer {
  total: number;
  results: SearchResult[];
}

const MAX_TERMS = 12;

export class LocaleSearch {
  readonly locale: string;
  private readonly index: lunr.Index;
  private readonly docs: StoredDoc[];
  private readonly vocabulary: string[];
  private readonly indexStem: (word: string) => string | undefined;
  private readonly queryStem: (word: string) => string | undefined;

  constructor(data: SerializedIndex) {
    this.locale = data.locale;
    this.docs = data.docs;
    this.index = lunr.Index.load(data.index);
    // lunr serialises its inverted index as [term, postings] pairs, sorted by term.
    this.vocabulary = (data.index as { invertedIndex: [string, unknown][] }).invertedIndex.map(([term]) => term);
    const fns = pipelineFor(data.language);
    this.indexStem = memo(analyser(fns.index));
    this.queryStem = memo(analyser(fns.query));
  }

  /** Index stems of a word as written in a text (snippets test thousands of them, hence the cache). */
  private readonly stemCache = new Map<string, string[]>();
  private wordStems(word: string): string[] {
    let stems = this.stemCache.get(word);
    if (!stems) {
      if (this.stemCache.size > 100_000) this.stemCache.clear();
      stems = terms(word).map((t) => this.indexStem(t) ?? t);
      this.stemCache.set(word, stems);
    }
    return stems;
  }

  get size(): number {
    return this.docs.length;
  }

  /** Best matches first. Articles with every word (the last one as a prefix, for typing) if any; else any word. */
  search(query: string, limit = 10): SearchAnswer {
    // Stop words ("how", "the") are not in the index; requiring them would find nothing.
    const words = terms(query.slice(0, MAX_QUERY_LENGTH))
      .filter((w) => this.indexStem(w) !== undefined)
      .slice(0, MAX_TERMS);
    if (words.length === 0) return { total: 0, results: [] };
    const clauses = words.map((word, i) => {
      const stem = this.queryStem(word) ?? word;
      // The word being typed: when it is no indexed word yet, it matches the words it starts.
      const typing = i === words.length - 1 && word.length >= 2 && !this.isTerm(stem);
      return typing ? { term: this.typedPrefix(word, stem), prefix: true } : { term: stem, prefix: false };
    });
    // One pass with every word optional, then keep the articles that have them all: the same answer as
    // "all words, else any word" at the cost of one lunr query instead of two.
    const hits = this.index.query((q) => {
      for (const c of clauses) {
        q.term(c.term, { usePipeline: false, wildcard: c.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE });
      }
    });
    const matchesAll = (hit: lunr.Index.Result) => {
      const found = Object.keys(hit.matchData.metadata);
      return clauses.every((c) => found.some((t) => (c.prefix ? t.startsWith(c.term) : t === c.term)));
    };
    const all = clauses.length > 1 ? hits.filter(matchesAll) : hits;
    const chosen = all.length > 0 ? all : hits;
    return { total: chosen.length, results: chosen.slice(0, Math.max(0, limit)).map((hit) => this.answer(hit)) };
  }

  /**
   * The index holds stems ("book" for "booking"), so a half-typed "bookin" starts no indexed term.
   * Shorten it, as a stemmer would, until it does (at most by four letters, never below three).
   */
  private typedPrefix(word: string, stem: string): string {
    if (this.startsSomeTerm(stem)) return stem;
    for (let end = word.length; end >= Math.max(3, word.length - 4); end--) {
      const prefix = word.slice(0, end);
      if (this.startsSomeTerm(prefix)) return prefix;
    }
    return stem;
  }

  /** Position of the first vocabulary term not below `term` (binary search; lunr keeps them sorted). */
  private lowerBound(term: string): number {
    let lo = 0;
    let hi = this.vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.vocabulary[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private isTerm(term: string): boolean {
    return this.vocabulary[this.lowerBound(term)] === term;
  }

  private startsSomeTerm(prefix: string): boolean {
    return this.vocabulary[this.lowerBound(prefix)]?.startsWith(prefix) ?? false;
  }

  private answer(hit: lunr.Index.Result): SearchResult {
    const doc = this.docs[Number(hit.ref)]!;
    const matched = new Set(Object.keys(hit.matchData.metadata));
    const seen = new Map<string, boolean>();
    const isMatch = (word: string) => {
      let hit = seen.get(word);
      if (hit === undefined) seen.set(word, (hit = this.wordStems(word).some((t) => matched.has(t))));
      return hit;
    };
    const hint = candidates(matched);
    const html =
      snippet(doc.text, isMatch, { hint }) ??
      snippet(doc.description, isMatch, { length: 400 }) ??
      escapeHtml(doc.description);
    return { slug: doc.slug, title: doc.title, url: doc.url, category: doc.category, snippet: html };
  }
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
