/** What a locale's home page shows, read on each request (the page is rendered on demand for its popular articles). */
import type { Runtime } from '../../api/runtime.ts';
import type { Locale } from '../../db/shared/locales.ts';
import type { ArticleViews } from '../../db/shared/reports.ts';
import { callApi } from './api.ts';
import type { ArticleMeta, Catalog } from './site-catalog.ts';
import { loadCatalog } from './load-catalog.ts';
import { rankPopular } from './popular.ts';

export async function homeData(kb: Runtime, locale: Locale): Promise<{ catalog: Catalog; popular: ArticleMeta[] }> {
  const catalog = await loadCatalog();
  const answer = await callApi<{ views: ArticleViews[] }>(kb, `/api/popular?locale=${locale}`, { admin: true });
  // Without figures (the database is unreachable) the page still shows promoted and recently updated articles.
  if (!answer.ok) console.error(`Popular articles without views: ${answer.message}`);
  const views = new Map(answer.ok ? answer.data.views.map((v) => [v.article, v.views]) : []);
  return { catalog, popular: rankPopular(catalog, locale, views) };
}
