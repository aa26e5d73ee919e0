/** Builds a lunr index for one locale and serialises it with the documents it answers with. */
import { lunr, pipelineFor, tokenizer, type SearchLanguage } from './languages.ts';
import { toSearchDocument, type SearchSource, type StoredDoc } from './documents.ts';

export const INDEX_VERSION = 1;

/** The JSON written at build time and loaded by the server. */
export interface SerializedIndex {
  version: typeof INDEX_VERSION;
  locale: string;
  language: SearchLanguage;
  docs: StoredDoc[];
  index: object;
}

// The title says what an article is about; headings, description and tags say it nearly as well.
// Each field multiplies the work per query term, so tags share the description's field.
const FIELD_BOOSTS = { title: 10, headings: 4, description: 3, body: 1 } as const;

/** Indexes every article of one locale. Document refs are positions in `docs`. */
export function buildIndex(locale: string, language: SearchLanguage, sources: readonly SearchSource[]): SerializedIndex {
  const docs: StoredDoc[] = [];
  const { index: fns, query } = pipelineFor(language);
  const index = lunr(function () {
    this.tokenizer = tokenizer as unknown as typeof lunr.tokenizer;
    this.pipeline.reset();
    this.pipeline.add(...fns);
    this.searchPipeline.reset();
    this.searchPipeline.add(...query);
    this.ref('id');
    for (const [field, boost] of Object.entries(FIELD_BOOSTS)) this.field(field, { boost });
    sources.forEach((source, i) => {
      const { indexed, stored } = toSearchDocument(source, i);
      docs.push(stored);
      this.add(indexed);
    });
  });
  return { version: INDEX_VERSION, locale, language, docs, index: index.toJSON() };
}
