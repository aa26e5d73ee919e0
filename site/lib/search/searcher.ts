/** Answers queries against one locale's serialised index: ranked results with marked snippets. */
import { analyser, lunr, pipelineFor } from './languages.ts';
import { terms } from './normalize.ts';
import { escapeHtml, snippet } from './snippet.ts';
import type { SerializedIndex } from './build-index.ts';
import type { StoredDoc } from './documents.ts';
import { MAX_QUERY_LENGTH } from './limits.ts';

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

  get size(): number {
    return this.docs.length;
  }

  /** Best matches first. Every word must match (the last one as a prefix, for typing); if none do, any word. */
  search(query: string, limit = 10): SearchAnswer {
    // Stop words ("how", "the") are not in the index; requiring them would find nothing.
    const words = terms(query.slice(0, MAX_QUERY_LENGTH))
      .filter((w) => this.indexStem(w) !== undefined)
      .slice(0, MAX_TERMS);
    if (words.length === 0) return { total: 0, results: [] };
    let hits = this.run(words, lunr.Query.presence.REQUIRED);
    if (hits.length === 0 && words.length > 1) hits = this.run(words, lunr.Query.presence.OPTIONAL);
    return { total: hits.length, results: hits.slice(0, Math.max(0, limit)).map((hit) => this.answer(hit)) };
  }

  private run(words: string[], presence: lunr.Query.presence): lunr.Index.Result[] {
    return this.index.query((q) => {
      words.forEach((word, i) => {
        const stem = this.queryStem(word) ?? word;
        if (i === words.length - 1 && word.length >= 2) {
          // The word being typed: match the words it starts, and rank the whole word higher.
          q.term(this.typedPrefix(word, stem), { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, presence });
          q.term(stem, { usePipeline: false, boost: 3, presence: lunr.Query.presence.OPTIONAL });
        } else {
          q.term(stem, { usePipeline: false, presence });
        }
      });
    });
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

  private startsSomeTerm(prefix: string): boolean {
    let lo = 0;
    let hi = this.vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.vocabulary[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return this.vocabulary[lo]?.startsWith(prefix) ?? false;
  }

  private answer(hit: lunr.Index.Result): SearchResult {
    const doc = this.docs[Number(hit.ref)]!;
    const matched = new Set(Object.keys(hit.matchData.metadata));
    const isMatch = (word: string) => terms(word).some((t) => matched.has(this.indexStem(t) ?? t));
    const html =
      snippet(doc.text, isMatch) ?? snippet(doc.description, isMatch, { length: 400 }) ?? escapeHtml(doc.description);
    return { slug: doc.slug, title: doc.title, url: doc.url, category: doc.category, snippet: html };
  }
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
