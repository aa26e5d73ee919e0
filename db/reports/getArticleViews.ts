/** Page views per article in one locale over local days from..to, from the article_days rollup: what "popular" is ranked by. */
import type { ArticleViews } from '../shared/reports.ts';
import type { ReportReads } from './report-reads.ts';

/** Settles the rollups first (nothing to do in the usual case), so a view stored a moment ago already counts. */
export async function getArticleViews(reads: ReportReads, timeZone: string, locale: string, from: string, to: string): Promise<ArticleViews[]> {
  await reads.settle(timeZone);
  const sums = new Map<string, number>();
  for (const row of await reads.articleDays(locale, from, to)) sums.set(row.article, (sums.get(row.article) ?? 0) + row.views);
  // Most viewed first, ties by slug: the same order on every adapter.
  return [...sums].map(([article, views]) => ({ article, views })).sort((a, b) => b.views - a.views || a.article.localeCompare(b.article));
}
