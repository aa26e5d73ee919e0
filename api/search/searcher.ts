/** Answers queries against one locale's serialised index: full matches, or partial ones with the missing words. */
import { analyser, builtInGroups, framingWords, pipelineFor, wordFamilies } from './languages.ts';
import { queryWords, terms } from './normalize.ts';
import { escapeHtml, excerptAt, snippet } from './snippet.ts';
import { DocWords } from './doc-words.ts';
import { INDEX_VERSION, type SerializedIndex } from './build-index.ts';
import type { StoredDoc } from './documents.ts';
import { MAX_QUERY_LENGTH } from '../../db/shared/limits.ts';
import { NO_HITS, anyOf, intersect, lowerBound, readPostings, unionMax, unionSum, type Hits, type Postings } from './postings.ts';
import { SynonymTable, analyse, type FormDocs, type Lexicon, type Unit } from './query.ts';
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
  /**
   * When `total` is 0: articles with some of the words, most words first. When fewer articles than asked for have every
   * word of a query of three words or more: the articles that lack exactly one, after them.
   */
  partial: PartialResult[];
  /** When `total` is 0: the words no article has, as typed. */
  missing: string[];
}

export const EMPTY_ANSWER: SearchAnswer = Object.freeze({ total: 0, results: [], partial: [], missing: [] }) as SearchAnswer;

/** Contact-form suggestions: the share of the words an article must have in its title, headings, description or tags (bench/RESULTS.md, Relevance). */
export const SUGGEST_STRONG_SHARE = 1;
const MAX_PREFIX_WORDS = 40;

/** The index terms a query can match, as text and as ids. */
interface Matched {
  stems: Set<string>;
  ids: Set<number>;
}

interface Scored {
  /** The words a result must have, and per unit the articles that have it. */
  units: Unit[];
  hits: Hits[];
  /** Per framing word: the articles that have it (they add to the score, never required). */
  optional: Hits[];
  /** Per unit: the articles that have it in their title. */
  titleHits: Hits[];
  /** Per unit: every index term it can match (for finding the query's words next to each other in a title). */
  unitTerms: Set<number>[];
  /** Per unit: the articles that have it in their title, headings, description or tags (computed on demand). */
  strongHits: () => Hits[];
  /** Every index term the query could match, for marking snippets. */
  terms: Matched;
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
  /** Per article: its title's words as index terms, in order. */
  private readonly titles: Int32Array[];
  /** Per article: the words of its text, for snippets. */
  private readonly texts: DocWords[];

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
    this.titles = this.docs.map((d) => titleTerms(d.title, this.stem, this.postings.termId));
    const termOf = (word: string) => {
      const s = this.stem(word);
      return s === undefined ? undefined : this.postings.termId.get(s);
    };
    const seen = new Map<string, number[]>();
    this.texts = this.docs.map((d) => DocWords.read(d.text, termOf, seen));
    const families = readFamilies(data.families, this.postings.termId);
    const formOf = wordFamilies(data.language)?.formOf;
    const framing = framingWords(data.language);
    const builtIn = builtInGroups(data.language).map((phrases) => ({ kind: 'group' as const, phrases, line: 0 }));
    this.lexicon = {
      stem: this.stem,
      termId: (stem) => this.postings.termId.get(stem),
      isWord: (word) => this.wordSet.has(word),
      wordsStartingWith: (prefix) => this.startingWith(prefix),
      wordsNear: nearCache,
      ownForm: (word, stem) => (formOf ? families.get(stem)?.get(formOf(word)) : undefined),
      isFraming: (word) => framing.has(word),
      synonyms: new SynonymTable([...data.synonyms, ...builtIn], this.stem),
    };
  }

  get size(): number {
    return this.docs.length;
  }

  /** Best matches first: articles with every meaningful word; with none, the partial matches and the missing words. */
  search(query: string, limit = 10): SearchAnswer {
    const scored = this.score(query);
    if (!scored) return EMPTY_ANSWER;
    const { units, hits, optional } = scored;
    const full = fullMatches(hits);
    const take = Math.max(0, limit);
    const partialOf = (d: number): PartialResult => ({
      ...this.answer(d, scored.terms),
      missing: units.filter((_, i) => !has(hits[i]!, d)).map((u) => u.label),
    });
    if (full.docs.length > 0) {
      const results = ranked(withOptional(this.withTitles(full, scored), optional), take).map((d) => this.answer(d, scored.terms));
      // One or two articles with every word may hold them by chance; the article meant may lack one word.
      const room = take - results.length;
      const near = room > 0 && units.length >= NEAR_MIN_WORDS ? ranked(withOptional(this.withTitles(nearMatches(hits), scored), optional), room) : [];
      return { total: full.docs.length, results, partial: near.map(partialOf), missing: [] };
    }
    const missing = units.filter((_, i) => hits[i]!.docs.length === 0).map((u) => u.label);
    const any = withOptional(this.withTitles(withCoverage(hits), scored), optional);
    return { total: 0, results: [], partial: ranked(any, take).map(partialOf), missing };
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
  suggestions(query: string, share: number): { doc: number; slug: string; terms: Matched }[] {
    const scored = this.score(query);
    if (!scored) return [];
    const full = withOptional(this.withTitles(fullMatches(scored.hits), scored), scored.optional);
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
    const all = analyse(query.slice(0, MAX_QUERY_LENGTH), this.lexicon);
    if (all.length === 0) return undefined;
    const units = all.filter((u) => !u.optional);
    const terms: Matched = { stems: new Set(), ids: new Set() };
    const unitHits = (unit: Unit, field: 'lists' | 'titles' | 'strong') =>
      unit.alternatives.reduce((acc, alternative) => {
        if (alternative.some((slot) => slot.length === 0)) return acc;
        if (field === 'lists') {
          for (const slot of alternative) {
            for (const t of slot) {
              terms.ids.add(t.id);
              terms.stems.add(this.postings.vocabulary[t.id]!);
            }
          }
        }
        return unionMax(acc, alternative.map((slot) => anyOf(this.postings, slot, field)).reduce(intersect));
      }, NO_HITS);
    const hits = units.map((unit) => unitHits(unit, 'lists'));
    const titleHits = units.map((unit) => unitHits(unit, 'titles'));
    const optional = all.filter((u) => u.optional).map((unit) => unitHits(unit, 'lists'));
    const unitTerms = units.map((unit) => new Set(unit.alternatives.flatMap((a) => a.flatMap((slot) => slot.map((t) => t.id)))));
    return { units, hits, optional, titleHits, unitTerms, terms, strongHits: () => units.map((unit) => unitHits(unit, 'strong')) };
  }

  private startingWith(prefix: string): string[] {
    const lo = lowerBound(this.words, prefix);
    const out: string[] = [];
    for (let i = lo; i < this.words.length && out.length < MAX_PREFIX_WORDS && this.words[i]!.startsWith(prefix); i++) out.push(this.words[i]!);
    return out;
  }

  /**
   * An article whose title holds the query's words is what the query names: its score grows with the share of the
   * query's words its title has (all of them: doubled), and again with the share of the query's word pairs its title
   * has side by side ("upload a sketch" and "Upload a sketch in Arduino IDE" rather than "If your sketch doesn't upload").
   */
  private withTitles(hits: Hits, { titleHits, unitTerms }: Scored): Hits {
    const pairs = unitTerms.length - 1;
    const scores = Array.from(hits.docs, (d, i) => {
      const inTitle = titleHits.reduce((n, t) => n + (has(t, d) ? 1 : 0), 0);
      const phrase = inTitle > 1 && pairs > 0 ? (PHRASE_BONUS * adjacentPairs(this.titles[d]!, unitTerms)) / pairs : 0;
      return hits.scores[i]! * (1 + (TITLE_BONUS * inTitle) / titleHits.length + phrase);
    });
    return { docs: hits.docs, scores };
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

  private answer(doc: number, { stems, ids }: Matched): SearchResult {
    const stored = this.docs[doc]!;
    const words = this.texts[doc]!;
    const at = words.firstMatch(ids);
    const html =
      (at === undefined ? null : excerptAt(stored.text, at, (from, to) => words.wordsIn(from, to, ids))) ??
      snippet(stored.description, (word) => this.wordStems(word).some((t) => stems.has(t)), { length: 400 }) ??
      escapeHtml(stored.description);
    return { slug: stored.slug, title: stored.title, url: stored.url, category: stored.category, snippet: html };
  }
}

// Chosen on the relevance benchmark (bench/RESULTS.md): title coverage lifted MRR from 0.74 to 0.77.
const TITLE_BONUS = 1;
const COVERAGE_POWER = 2;
const PHRASE_BONUS = 0.5;

/** Index terms of a title's words in order, stop words left out ("Upload a sketch" → upload, sketch). */
function titleTerms(title: string, stem: (word: string) => string | undefined, termId: Map<string, number>): Int32Array {
  const ids: number[] = [];
  for (const word of queryWords(title)) {
    const s = stem(word.replaceAll('-', ''));
    if (s !== undefined) ids.push(termId.get(s) ?? -1);
  }
  return Int32Array.from(ids);
}

/** How many pairs of the query's consecutive words stand next to each other, in that order, in a title. */
function adjacentPairs(title: Int32Array, unitTerms: readonly Set<number>[]): number {
  let pairs = 0;
  for (let u = 0; u + 1 < unitTerms.length; u++) {
    for (let p = 0; p + 1 < title.length; p++) {
      if (unitTerms[u]!.has(title[p]!) && unitTerms[u + 1]!.has(title[p + 1]!)) {
        pairs++;
        break;
      }
    }
  }
  return pairs;
}

/** Articles with every required word, scores added (shortest list first, so the intersection shrinks fastest). */
function fullMatches(hits: readonly Hits[]): Hits {
  return [...hits].sort((a, b) => a.docs.length - b.docs.length).reduce(intersect);
}

/** Framing words an article has add their score; articles without them keep theirs. */
function withOptional(hits: Hits, optional: readonly Hits[]): Hits {
  if (optional.length === 0) return hits;
  const scores = Array.from(hits.docs, (d, i) => optional.reduce((s, o) => s + scoreOf(o, d), hits.scores[i]!));
  return { docs: hits.docs, scores };
}

/** Near matches shown after too few full ones need this many meaningful words: lacking one of two is having any word. */
const NEAR_MIN_WORDS = 3;

/** Articles with every word but one (each scored as a partial match): what a query with few full matches shows next. */
function nearMatches(hits: readonly Hits[]): Hits {
  const sum = withCoverage(hits);
  const docs: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < sum.docs.length; i++) {
    const d = sum.docs[i]!;
    if (hits.reduce((n, h) => n + (has(h, d) ? 1 : 0), 0) === hits.length - 1) {
      docs.push(d);
      scores.push(sum.scores[i]!);
    }
  }
  return { docs, scores };
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
  return hits.docs[lowerBound(hits.docs, doc)] === doc;
}

function scoreOf(hits: Hits, doc: number): number {
  const at = lowerBound(hits.docs, doc);
  return hits.docs[at] === doc ? hits.scores[at]! : 0;
}

/** The serialised word families (build-index.ts): per stem, each word's family and the articles using it. */
function readFamilies(data: SerializedIndex['families'], termId: Map<string, number>): Map<string, Map<string, FormDocs>> {
  const out = new Map<string, Map<string, FormDocs>>();
  for (const [stem, families] of data) {
    if (!termId.has(stem)) continue;
    const byWord = new Map<string, FormDocs>();
    for (const [words, docs, strong] of families) {
      const family = { docs: Int32Array.from(docs), strong: Int32Array.from(strong) };
      for (const word of words) byWord.set(word, family);
    }
    out.set(stem, byWord);
  }
  return out;
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
