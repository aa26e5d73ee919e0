/** Reads the bundled articles and categories from content/ (front matter only) for the demo generator. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';

export interface DemoArticle {
  slug: string;
  category: string;
  title: string;
  tags: string[];
  words: number;
  updated: string | undefined;
  /** Locales this article exists in. */
  locales: string[];
  /** Its title and tags in each of those locales: what a reader there types into search. */
  localized: Record<string, { title: string; tags: string[] }>;
}

export interface DemoCategory {
  slug: string;
  title: string;
  ticketTags: string[];
  ticketTypes: string[];
}

export interface DemoContent {
  articles: DemoArticle[];
  categories: DemoCategory[];
  locales: string[];
}

const FRONT = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

function readMarkdown(file: string): { data: Record<string, unknown>; body: string } {
  const match = FRONT.exec(readFileSync(file, 'utf8'));
  if (!match) throw new Error(`${file}: no front matter (--- ... ---) at the top`);
  try {
    return { data: (parse(match[1]!) ?? {}) as Record<string, unknown>, body: match[2]! };
  } catch (err) {
    throw new Error(`${file}: front matter is not valid YAML`, { cause: err });
  }
}

const dirs = (path: string) => (existsSync(path) ? readdirSync(path).filter((d) => statSync(join(path, d)).isDirectory()).sort() : []);
const mdFiles = (path: string) => (existsSync(path) ? readdirSync(path).filter((f) => f.endsWith('.md')).sort() : []);
const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

/** Every article slug once (with the locales it exists in) and the categories of the default locale. */
export function loadDemoContent(contentDir: string, defaultLocale = 'en'): DemoContent {
  const articles = new Map<string, DemoArticle>();
  const locales = dirs(join(contentDir, 'articles'));
  // The default locale first, so its titles and word counts win.
  for (const locale of [defaultLocale, ...locales.filter((l) => l !== defaultLocale)]) {
    for (const category of dirs(join(contentDir, 'articles', locale))) {
      for (const file of mdFiles(join(contentDir, 'articles', locale, category))) {
        const slug = basename(file, '.md');
        const known = articles.get(slug);
        const { data, body } = readMarkdown(join(contentDir, 'articles', locale, category, file));
        if (known) {
          known.locales.push(locale);
          known.localized[locale] = { title: String(data.title ?? known.title), tags: strings(data.tags) };
          continue;
        }
        const updated = data.updated instanceof Date ? data.updated.toISOString().slice(0, 10) : data.updated ? String(data.updated) : undefined;
        articles.set(slug, {
          slug,
          category: String(data.category ?? category),
          title: String(data.title ?? slug),
          tags: strings(data.tags),
          words: body.split(/\s+/).filter(Boolean).length,
          updated,
          locales: [locale],
          localized: { [locale]: { title: String(data.title ?? slug), tags: strings(data.tags) } },
        });
      }
    }
  }
  const categories = mdFiles(join(contentDir, 'categories', defaultLocale)).map((file) => {
    const { data } = readMarkdown(join(contentDir, 'categories', defaultLocale, file));
    return { slug: basename(file, '.md'), title: String(data.title ?? file), ticketTags: strings(data.ticketTags), ticketTypes: strings(data.ticketTypes) };
  });
  if (articles.size === 0) throw new Error(`No articles under ${join(contentDir, 'articles')}; the demo needs the bundled content.`);
  return { articles: [...articles.values()], categories, locales: locales.length ? locales : [defaultLocale] };
}
