/** The one reader of content/ outside Astro: the article catalog (front matter, word counts, git edit dates) for reports and the demo. */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { countWords, type Catalog, type CatalogArticle, type CatalogCategory } from '../../db/shared/catalog.ts';

const run = promisify(execFile);

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Splits a Markdown file into its YAML front matter and body; names the file when the front matter is bad. */
function frontMatter(file: string, text: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${file}: no front matter (a block between --- lines at the top)`);
  try {
    const data = parseYaml(m[1]!) as unknown;
    if (!data || typeof data !== 'object') throw new Error('front matter is not a mapping');
    return { data: data as Record<string, unknown>, body: m[2]! };
  } catch (err) {
    throw new Error(`${file}: bad front matter: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

const str = (file: string, data: Record<string, unknown>, field: string): string => {
  const v = data[field];
  if (typeof v !== 'string' || !v.trim()) throw new Error(`${file}: front matter field "${field}" must be a non-empty string`);
  return v;
};
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const date = (v: unknown): string | null =>
  v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null;

/** Commit dates (YYYY-MM-DD) of a file, following renames; [] when git or the history is not there. */
async function gitDates(file: string): Promise<string[]> {
  try {
    const { stdout } = await run('git', ['log', '--follow', '--format=%cs', '--', file], { cwd: join(file, '..') });
    return stdout.split('\n').filter((l) => /^\d{4}-\d{2}-\d{2}$/.test(l));
  } catch {
    return [];
  }
}

/** Runs fn over items with at most `limit` at a time. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Runs fn per file; a file that fails is left out and its error kept, so one bad file does not stop reports. */
async function eachFile<R>(files: string[], problems: string[], fn: (file: string) => Promise<R>): Promise<R[]> {
  const out = await mapLimit(files, 8, async (file) => {
    try {
      return await fn(file);
    } catch (err) {
      problems.push(err instanceof Error ? err.message.split('\n')[0]! : String(err));
      return undefined;
    }
  });
  return out.filter((r): r is Awaited<R> => r !== undefined);
}

/** Loads content/articles/<locale>/<category>/<slug>.md and content/categories/<locale>/<slug>.md. */
export async function loadCatalog(contentDir: string, { git = true } = {}): Promise<Catalog> {
  const problems: string[] = [];
  const articleFiles = await markdownFiles(join(contentDir, 'articles'));
  const articles = await eachFile(articleFiles, problems, async (file): Promise<CatalogArticle> => {
    const parts = relative(join(contentDir, 'articles'), file).split(sep);
    if (parts.length !== 3) throw new Error(`${file}: articles live in articles/<locale>/<category>/<slug>.md`);
    const { data, body } = frontMatter(file, await readFile(file, 'utf8'));
    const updated = date(data.updated);
    const edits = new Set([...(updated ? [updated] : []), ...(git ? await gitDates(file) : [])]);
    return {
      slug: parts[2]!.replace(/\.md$/, ''),
      locale: parts[0]!,
      category: typeof data.category === 'string' ? data.category : parts[1]!,
      title: str(file, data, 'title'),
      tags: strings(data.tags),
      words: countWords(body),
      updated,
      edits: [...edits].sort(),
    };
  });
  const categoryFiles = await markdownFiles(join(contentDir, 'categories'));
  const categories = await eachFile(categoryFiles, problems, async (file): Promise<CatalogCategory> => {
      const parts = relative(join(contentDir, 'categories'), file).split(sep);
      const { data } = frontMatter(file, await readFile(file, 'utf8'));
      return {
        slug: parts[parts.length - 1]!.replace(/\.md$/, ''),
        locale: parts.length > 1 ? parts[0]! : 'en',
        title: str(file, data, 'title'),
        order: typeof data.order === 'number' ? data.order : 0,
        ticketTags: strings(data.ticketTags),
        ticketTypes: strings(data.ticketTypes),
      };
  });
  return { articles, categories, problems };
}

/** A loader that reads the catalog once, on first use, and keeps it for the life of the process. */
export function catalogSource(contentDir: string): () => Promise<Catalog> {
  let loading: Promise<Catalog> | undefined;
  return () =>
    (loading ??= loadCatalog(contentDir).then((catalog) => {
      for (const p of catalog.problems) console.warn(`Reports leave out ${p}`);
      return catalog;
    }));
}
