/** The sample help center's search for one locale, built from content/ the way the site build does (drafts left out). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { buildIndex } from '../../api/search/build-index.ts';
import { LocaleSearch } from '../../api/search/searcher.ts';
import { parseSynonyms } from '../../api/search/synonyms.ts';
import { localeInfo, type Locale } from '../../db/shared/locales.ts';
import type { SearchSource } from '../../api/search/documents.ts';

const content = fileURLToPath(new URL('../../content', import.meta.url));

export function sampleSearch(locale: Locale): LocaleSearch {
  const dir = join(content, 'articles', locale);
  const sources: SearchSource[] = readdirSync(dir).flatMap((category) =>
    readdirSync(join(dir, category))
      .filter((f) => f.endsWith('.md'))
      .flatMap((file) => {
        const [, front = '', body = ''] = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(readFileSync(join(dir, category, file), 'utf8')) ?? [];
        const data = parse(front) as { title: string; description: string; tags?: string[]; draft?: boolean };
        if (data.draft) return [];
        const slug = file.replace(/\.md$/, '');
        return [{ slug, url: `/articles/${slug}`, title: data.title, description: data.description, category, tags: data.tags ?? [], body }];
      }),
  );
  const file = join(content, 'synonyms', `${locale}.yml`);
  const rules = parseSynonyms(readFileSync(file, 'utf8'), file);
  return new LocaleSearch(buildIndex(locale, localeInfo(locale).search, sources, { file, rules }));
}
