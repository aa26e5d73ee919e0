/**
 * The demo's searches count their results as the live site would: the same search library over the same articles and
 * synonyms, so a query the dashboard lists as zero-result ("gift cards") finds nothing on the demo site either.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildIndex } from '../../api/search/build-index.ts';
import { LocaleSearch } from '../../api/search/searcher.ts';
import { parseSynonyms } from '../../api/search/synonyms.ts';
import type { SearchSource } from '../../api/search/documents.ts';
import { isLocale, localeInfo, localePath } from '../../db/shared/locales.ts';
import { readMarkdown } from './content.ts';

/** `total` as GET /api/search answers it for a query in a locale (0 for a locale without articles). */
export type SearchTotal = (query: string, locale: string) => number;

const list = (dir: string, keep: (name: string) => boolean) => (existsSync(dir) ? readdirSync(dir).filter(keep).sort() : []);
const isDir = (path: string) => statSync(path).isDirectory();

function sources(contentDir: string, locale: string): SearchSource[] {
  const root = join(contentDir, 'articles', locale);
  const titles = new Map(
    list(join(contentDir, 'categories', locale), (f) => f.endsWith('.md')).map((f) => [
      basename(f, '.md'),
      String(readMarkdown(join(contentDir, 'categories', locale, f)).data.title ?? basename(f, '.md')),
    ]),
  );
  return list(root, (d) => isDir(join(root, d))).flatMap((category) =>
    list(join(root, category), (f) => f.endsWith('.md')).flatMap((file) => {
      const { data, body } = readMarkdown(join(root, category, file));
      if (data.draft === true) return [];
      const slug = basename(file, '.md');
      return [{
        slug,
        url: isLocale(locale) ? localePath(locale, `/articles/${slug}`) : `/articles/${slug}`,
        title: String(data.title ?? slug),
        description: String(data.description ?? ''),
        category: titles.get(category) ?? category,
        tags: Array.isArray(data.tags) ? data.tags.map(String) : [],
        body,
      }];
    }),
  );
}

export function demoSearch(contentDir: string): SearchTotal {
  const byLocale = new Map<string, LocaleSearch>();
  for (const locale of list(join(contentDir, 'articles'), (d) => isDir(join(contentDir, 'articles', d)))) {
    if (!isLocale(locale)) continue;
    const file = join(contentDir, 'synonyms', `${locale}.yml`);
    const rules = existsSync(file) ? parseSynonyms(readFileSync(file, 'utf8'), `content/synonyms/${locale}.yml`) : [];
    byLocale.set(locale, new LocaleSearch(buildIndex(locale, localeInfo(locale).search, sources(contentDir, locale), { file, rules })));
  }
  const cache = new Map<string, number>();
  return (query, locale) => {
    const key = `${locale}\u0000${query}`;
    let total = cache.get(key);
    if (total === undefined) cache.set(key, (total = byLocale.get(locale)?.search(query, 0).total ?? 0));
    return total;
  };
}
