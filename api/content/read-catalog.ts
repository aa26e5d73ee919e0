/** The article catalog (front matter, word counts, git edit dates) for reports and the demo, read through content-files.ts like the site. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { contentPaths, readContentFile } from './content-files.ts';
import { countWords, type Catalog, type CatalogArticle, type CatalogCategory } from '../../db/shared/catalog.ts';

const run = promisify(execFile);

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
  const read = await eachFile(await contentPaths(contentDir, 'articles'), problems, async (rel): Promise<CatalogArticle | null> => {
    const { id, path, data, body, locale, category, slug } = await readContentFile(contentDir, 'articles', rel);
    // A draft is not on the site, so reports neither list nor count it (SPEC 3).
    if (data.draft === true) return null;
    const updated = date(data.updated);
    const edits = new Set([...(updated ? [updated] : []), ...(git ? await gitDates(path) : [])]);
    return {
      slug,
      locale,
      category: typeof data.category === 'string' ? data.category : category!,
      title: str(id, data, 'title'),
      tags: strings(data.tags),
      words: countWords(body),
      updated,
      edits: [...edits].sort(),
    };
  });
  const articles = read.filter((a): a is CatalogArticle => a !== null);
  const categories = await eachFile(await contentPaths(contentDir, 'categories'), problems, async (rel): Promise<CatalogCategory> => {
    const { id, data, locale, slug } = await readContentFile(contentDir, 'categories', rel);
    return {
      slug,
      locale,
      title: str(id, data, 'title'),
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
