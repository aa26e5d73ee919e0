/**
 * The one reader of content/: finds the article and category files, checks where they sit, and splits each into
 * its YAML front matter and Markdown body. The site's content collections (site/lib/content-loader.ts), the
 * reports' catalog and the demo (read-catalog.ts) all read content through it, so they agree on what an article is.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';

export type ContentKind = 'articles' | 'categories';

export interface ContentFile {
  /** Path from the project root, `content/articles/en/billing/refunds.md`: the entry's id and what messages name. */
  id: string;
  /** Absolute path. */
  path: string;
  locale: string;
  /** The folder an article sits in (articles only). */
  category?: string;
  slug: string;
  /** The whole file, front matter included. */
  text: string;
  data: Record<string, unknown>;
  body: string;
}

/** Where each kind of file sits below content/<kind>/, as its path parts. */
const LAYOUT: Record<ContentKind, { parts: number; where: string }> = {
  articles: { parts: 3, where: 'articles/<locale>/<category>/<slug>.md' },
  categories: { parts: 2, where: 'categories/<locale>/<slug>.md' },
};

/** The Markdown files of one kind, sorted, as paths relative to content/<kind>/. */
export async function contentPaths(contentDir: string, kind: ContentKind): Promise<string[]> {
  const dir = join(contentDir, kind);
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Splits a Markdown file into its YAML front matter and body; the error names the file. */
export function splitFrontMatter(id: string, text: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${id}: no front matter (a block between --- lines at the top)`);
  let data: unknown;
  try {
    data = parseYaml(m[1]!);
  } catch (err) {
    throw new Error(`${id}: bad front matter: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${id}: bad front matter: it is not a list of fields (name: value)`);
  return { data: data as Record<string, unknown>, body: m[2]! };
}

/** Reads one file of a kind, `rel` relative to content/<kind>/; throws naming the file when it is misplaced or malformed. */
export async function readContentFile(contentDir: string, kind: ContentKind, rel: string): Promise<ContentFile> {
  const parts = rel.split(sep);
  const id = `content/${kind}/${parts.join('/')}`;
  if (parts.length !== LAYOUT[kind].parts) throw new Error(`${id}: ${kind} live in content/${LAYOUT[kind].where}`);
  const path = join(contentDir, kind, rel);
  const text = await readFile(path, 'utf8');
  const { data, body } = splitFrontMatter(id, text);
  const slug = parts[parts.length - 1]!.replace(/\.md$/, '');
  return { id, path, locale: parts[0]!, ...(kind === 'articles' ? { category: parts[1]! } : {}), slug, text, data, body };
}
