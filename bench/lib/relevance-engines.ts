/** The search engines the relevance benchmark compares, each fed the same article text (titles, headings, description, body). */
import MiniSearch from 'minisearch';
import { create, insert, search as oramaSearch } from '@orama/orama';
import { buildIndex } from '../../api/search/build-index.ts';
import { toSearchDocument, type SearchSource } from '../../api/search/documents.ts';
import { LocaleSearch } from '../../api/search/searcher.ts';

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

const LIMIT = 10;
// The weights our index uses (site/lib/search/build-index.ts), given to every engine so field weighting is not what differs.
const BOOST = { title: 10, headings: 4, description: 3, body: 1 };

function fields(sources: readonly SearchSource[]) {
  return sources.map((s, i) => ({ slug: s.slug, ...toSearchDocument(s, i).indexed }));
}

export function ours(sources: readonly SearchSource[]): Engine {
  const search = new LocaleSearch(buildIndex('en', 'en', sources));
  return {
    name: 'ours (lunr + strict matching)',
    note: 'LocaleSearch.search: every meaningful word required (stem, one typo, synonym); when none has them all, the partial list is what the page shows',
    search(query) {
      const answer = search.search(query, LIMIT);
      const shown = answer.total > 0 ? answer.results : answer.partial;
      return { shown: shown.map((r) => r.slug), total: answer.total };
    },
  };
}

export function miniSearch(sources: readonly SearchSource[]): Engine {
  const engine = new MiniSearch({
    idField: 'slug',
    fields: ['title', 'headings', 'description', 'body'],
    searchOptions: { boost: BOOST, fuzzy: 0.2, prefix: true },
  });
  engine.addAll(fields(sources));
  return {
    name: 'MiniSearch 7',
    note: 'fuzzy 0.2, prefix, OR of words (its defaults for site search), same field boosts',
    search(query) {
      const hits = engine.search(query);
      return { shown: hits.slice(0, LIMIT).map((h) => String(h.id)), total: hits.length };
    },
  };
}

export function miniSearchAnd(sources: readonly SearchSource[]): Engine {
  const engine = new MiniSearch({
    idField: 'slug',
    fields: ['title', 'headings', 'description', 'body'],
    searchOptions: { boost: BOOST, fuzzy: 0.2, prefix: true, combineWith: 'AND' },
  });
  engine.addAll(fields(sources));
  return {
    name: 'MiniSearch 7, AND',
    note: 'as above with combineWith AND: every word required, as ours',
    search(query) {
      const hits = engine.search(query);
      return { shown: hits.slice(0, LIMIT).map((h) => String(h.id)), total: hits.length };
    },
  };
}

/** Orama's search is typed async in general but answers synchronously for an in-memory index. */
export async function orama(sources: readonly SearchSource[]): Promise<Engine> {
  const db = create({
    schema: { slug: 'string', title: 'string', headings: 'string', description: 'string', body: 'string' } as const,
    components: { tokenizer: { language: 'english', stemming: true } },
  });
  for (const doc of fields(sources)) await insert(db, { slug: doc.slug, title: doc.title, headings: doc.headings, description: doc.description, body: doc.body });
  return {
    name: 'Orama 3',
    note: 'English stemming, tolerance 1 (one typo), same field boosts',
    search(query) {
      const result = oramaSearch(db, { term: query, tolerance: 1, boost: BOOST, limit: LIMIT, properties: ['title', 'headings', 'description', 'body'] });
      if (result instanceof Promise) throw new Error('Orama answered asynchronously');
      return { shown: result.hits.map((h) => h.document.slug), total: result.count };
    },
  };
}
