/** What a locale's home page shows, read on each request (the page is rendered on demand for its popular articles). */
import type { Runtime } from '../../api/runtime.ts';
import { getArticleViews } from '../../db/queries/getArticleViews.ts';
import type { Locale } from '../i18n/locales.ts';
import type { ArticleMeta, Catalog } from './catalog.ts';
import { loadCatalog } from './load-catalog.ts';
import { popularArticles } from './popular.ts';

export async function homeData(kb: Runtime, locale: Locale): Promise<{ catalog: Catalog; popular: ArticleMeta[] }> {
  const catalog = await loadCatalog();
  const source = { timeZone: kb.config.timeZone, views: (l: Locale, from: string, to: string) => getArticleViews(kb.db, kb.config.timeZone, l, from, to) };
  return { catalog, popular: await popularArticles(source, catalog, locale) };
}
