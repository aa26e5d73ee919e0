/** Plain text and headings of a Markdown body, for search documents. */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Parents } from 'mdast';

export interface MarkdownText {
  /** Text of the `##` and `###` headings, in order. */
  headings: string[];
  /** The paragraphs, list items, tables and code a reader reads, one block per line; headings and raw HTML left out. */
  text: string;
}

/** Parses Markdown once and returns its readable text and section headings. */
export function markdownText(markdown: string): MarkdownText {
  const tree = fromMarkdown(markdown);
  const headings: string[] = [];
  const blocks: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'html') return;
    if (node.type === 'heading') {
      // Headings are indexed on their own; kept out of the text so snippets read as sentences.
      if (node.depth === 2 || node.depth === 3) headings.push(toString(node));
      return;
    }
    if (node.type === 'paragraph' || node.type === 'code' || node.type === 'tableCell') {
      blocks.push(toString(node));
      return;
    }
    if ('children' in node) for (const child of (node as Parents).children) walk(child);
  };
  walk(tree);
  return { headings, text: blocks.map(tableRows).filter(Boolean).join('\n') };
}

/** Tables (GFM, which the plain parser leaves as text): cells joined with " · ", separator rows dropped. */
function tableRows(block: string): string {
  if (!block.includes('|')) return block;
  return block
    .split('\n')
    .filter((line) => !/^\s*\|?[\s:|-]+\|?\s*$/.test(line))
    .map((line) => (line.trim().startsWith('|') ? line.split('|').map((c) => c.trim()).filter(Boolean).join(' · ') : line))
    .join('\n');
}
