/** The search engines the relevance benchmark compares, each fed the same article text (titles, headings, description, body). */
import MiniSearch, { type Query } from 'minisearch';
import { create, insert, search as oramaSearch } from '@orama/orama';
import { buildIndex } from '../../api/search/build-index.ts';
import { toSearchDocument, type SearchSource } from '../../api/search/documents.ts';
import { LocaleSearch } from '../../api/search/searcher.ts';
import type { SynonymRule } from '../../api/search/synonyms.ts';
import { SYNONYM_FILE, synonymSplitter, type QueryPart } from './relevance-synonyms.ts';

/** What a customer sees for a query: article slugs in order, and whether the engine said "nothing matched". */
export interface EngineAnswer {
  shown: string[];
  /** Articles the engine counts as matches (ours: `total`; the others count every hit). */
  total: number;
}

export interface Engine {
  name: string;
  note: string;
  search(query: string): EngineAnswer;
}

/** Builds one engine over the articles, with the bench's synonym rules or none. */
export type EngineFactory = (sources: readonly SearchSource[], rules: readonly SynonymRule[]) => Engine | Promise<Engine>;

const LIMIT = 10;
// The weights our index uses (api/search/build-index.ts), given to every engine so field weighting is not what differs.
const BOOST = { title: 10, headings: 4, description: 3, body: 1 };

function fields(sources: readonly SearchSource[]) {
  return sources.map((s, i) => ({ slug: s.slug, ...toSearchDocument(s, i).indexed }));
}

export const ours: EngineFactory = (sources, rules) => {
  const search = new LocaleSearch(buildIndex('en', 'en', sources, { file: SYNONYM_FILE, rules: [...rules] }));
  return {
    name: 'ours (lunr + strict matching)',
    note: 'LocaleSearch.search: every meaningful word required (stem, one typo, synonym); when none has them all, the partial list is what the page shows',
    search(query) {
      const answer = search.search(query, LIMIT);
      const shown = [...answer.results, ...answer.partial];
      return { shown: shown.map((r) => r.slug), total: answer.total };
    },
  };
};

/** A MiniSearch query for one split query: each synonym phrase becomes "these words, or those". */
function miniQuery(parts: QueryPart[], combineWith: 'OR' | 'AND'): Query {
  if (parts.every((p) => 'word' in p)) return parts.map((p) => (p as { word: string }).word).join(' ');
  return {
    combineWith,
    queries: parts.map((p): Query => {
      if ('word' in p) return p.word;
      const phrases = [p.phrase, ...p.alternatives];
      return { combineWith: 'OR', queries: phrases.map((words) => ({ combineWith: 'AND', queries: [words.join(' ')] })) };
    }),
  };
}

function miniSearchEngine(combineWith: 'OR' | 'AND', name: string, note: string): EngineFactory {
  return (sources, rules) => {
    const engine = new MiniSearch({
      idField: 'slug',
      fields: ['title', 'headings', 'description', 'body'],
      searchOptions: { boost: BOOST, fuzzy: 0.2, prefix: true, combineWith },
    });
    engine.addAll(fields(sources));
    const split = synonymSplitter(rules);
    return {
      name,
      note,
      search(query) {
        const hits = rules.length ? engine.search(miniQuery(split(query), combineWith)) : engine.search(query);
        return { shown: hits.slice(0, LIMIT).map((h) => String(h.id)), total: hits.length };
      },
    };
  };
}

export const miniSearch = miniSearchEngine(
  'OR',
  'MiniSearch 7',
  'fuzzy 0.2, prefix, OR of words (its defaults for site search), same field boosts; synonyms as a query tree (each phrase a rule names: its words, or those of any phrase it maps to)',
);

export const miniSearchAnd = miniSearchEngine(
  'AND',
  'MiniSearch 7, AND',
  'as above with combineWith AND: every word required, as ours',
);

/** Orama's search is typed async in general but answers synchronously for an in-memory index. */
export const orama: EngineFactory = async (sources, rules) => {
  const db = create({
    schema: { slug: 'string', title: 'string', headings: 'string', description: 'string', body: 'string' } as const,
    components: { tokenizer: { language: 'english', stemming: true } },
  });
  for (const doc of fields(sources)) await insert(db, { slug: doc.slug, title: doc.title, headings: doc.headings, description: doc.description, body: doc.body });
  const split = synonymSplitter(rules);
  // Orama has no synonyms and no query tree: a phrase a rule names gets the words of its alternatives added (its
  // default search takes any word, so they widen the query as the rule means).
  const expand = (query: string) =>
    split(query)
      .flatMap((p) => ('word' in p ? [p.word] : [...p.phrase, ...p.alternatives.flat()]))
      .join(' ');
  return {
    name: 'Orama 3',
    note: 'English stemming, tolerance 1 (one typo), same field boosts; synonyms as added words (it has neither synonyms nor query trees)',
    search(query) {
      const term = rules.length ? expand(query) : query;
      const result = oramaSearch(db, { term, tolerance: 1, boost: BOOST, limit: LIMIT, properties: ['title', 'headings', 'description', 'body'] });
      if (result instanceof Promise) throw new Error('Orama answered asynchronously');
      return { shown: result.hits.map((h) => h.document.slug), total: result.count };
    },
  };
};

export const ENGINES: EngineFactory[] = [ours, miniSearch, miniSearchAnd, orama];
