/** The table of contents of an article: its `##` headings with their `###` children. */

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocEntry extends Heading {
  children: Heading[];
}

/** Nests h3 under the h2 before it; an h3 before any h2 becomes a top entry; deeper levels are left out. */
export function tableOfContents(headings: readonly Heading[]): TocEntry[] {
  const toc: TocEntry[] = [];
  for (const h of headings) {
    if (h.depth === 2 || (h.depth === 3 && toc.length === 0)) toc.push({ ...h, children: [] });
    else if (h.depth === 3) toc.at(-1)!.children.push(h);
  }
  return toc;
}
