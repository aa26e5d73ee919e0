/** What the search index holds per article, built from its front matter and Markdown body. */
import { markdownText } from '../content/markdown-text.ts';

/** An article as search needs it; the same shape from Astro collections, benchmarks and tests. */
export interface SearchSource {
  slug: string;
  url: string;
  title: string;
  description: string;
  /** The category's display title. */
  category: string;
  tags: readonly string[];
  /** Markdown body. */
  body: string;
}

/** Kept beside the index to answer with: titles, links and the text snippets are cut from. */
export interface StoredDoc {
  slug: string;
  url: string;
  title: string;
  category: string;
  description: string;
  text: string;
}

/** The fields lunr indexes for one article. */
export interface IndexedDoc {
  id: string;
  title: string;
  headings: string;
  /** The description followed by the tags. */
  description: string;
  body: string;
}

/** Splits an article into what is indexed and what is stored for answers. */
export function toSearchDocument(source: SearchSource, id: number): { indexed: IndexedDoc; stored: StoredDoc } {
  const { headings, text } = markdownText(source.body);
  return {
    indexed: {
      id: String(id),
      title: source.title,
      headings: headings.join('\n'),
      description: [source.description, ...source.tags].join('\n'),
      body: text,
    },
    stored: {
      slug: source.slug,
      url: source.url,
      title: source.title,
      category: source.category,
      description: source.description,
      text,
    },
  };
}
