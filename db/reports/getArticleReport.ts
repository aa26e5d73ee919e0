/** SPEC 7.1: every article's views, readers, read time, helpfulness, contacts after read, edits and flags. */
import { bySlug, expectedReadSeconds, type Catalog } from '../shared/catalog.ts';
import { articleChanges } from './article-changes.ts';
import { articleFlags } from './article-flags.ts';
import { addSums, articleFigures, zeroSums, type ArticleSums } from './article-figures.ts';
import { fillSeries, periodOf, periodsBetween } from './periods.ts';
import { readTimes } from './read-times.ts';
import { Histogram, MIN_SAMPLE, rate } from './stats.ts';
import type { ArticleComment, ArticleFigures, ArticleReport, ArticleReportFilters, ArticleRow } from '../shared/reports.ts';
import type { CommentRow, ReportReads } from './report-reads.ts';

export type { ArticleReport, ArticleReportFilters, ArticleRow, ArticleFigures } from '../shared/reports.ts';

interface Acc {
  sums: ArticleSums;
  read: Histogram;
}
const acc = (): Acc => ({ sums: zeroSums(), read: new Histogram() });
const get = (m: Map<string, Acc>, k: string) => m.get(k) ?? (m.set(k, acc()), m.get(k)!);

/** What a caller that needs only part of the report can leave out (the gaps queue needs neither). */
export interface ArticleReportParts {
  /** Read-time medians (one packed histogram per article and day). */
  readTimes: boolean;
  /** Before/after figures around each edit. */
  changes: boolean;
}

export async function getArticleReport(
  reads: ReportReads,
  filters: ArticleReportFilters,
  catalog: Catalog,
  parts: ArticleReportParts = { readTimes: true, changes: filters.totalsOnly !== true },
): Promise<ArticleReport> {
  await reads.settle(filters.timeZone); // rollups trail ingest by a fraction of a second
  const { from, to, interval, article } = filters;
  const locale = filters.locale ?? '*';
  const total = acc();
  const perPeriod = new Map<string, Acc>();
  const perArticle = new Map<string, Acc>();
  for (const row of await reads.articleDays(locale, from, to, article)) {
    addSums(total.sums, row);
    addSums(get(perPeriod, periodOf(row.day, interval, from)).sums, row);
    addSums(get(perArticle, row.article).sums, row);
  }
  if (parts.readTimes) {
    const read = readTimes(await reads.readDays(locale, from, to, article), interval, from);
    total.read = read.total;
    for (const [p, h] of read.perPeriod) get(perPeriod, p).read = h;
    for (const [slug, h] of read.perArticle) get(perArticle, slug).read = h;
  }
  const figures = (a: Acc, minSample = 1): ArticleFigures => articleFigures(a.sums, a.read.median(), minSample);
  const totals = figures(total);
  const siteContactRate = rate(total.sums.contactsAfterRead, total.sums.sessions);

  const inLocale = filters.locale ? catalog.articles.filter((a) => a.locale === filters.locale) : catalog.articles;
  const entries = bySlug(inLocale, filters.locale);
  const slugs = new Set([...entries.keys(), ...perArticle.keys()]);
  const comments = commentsBySlug(await reads.comments(locale, from, to, article));
  const edited = [...slugs].flatMap((slug) => {
    const entry = entries.get(slug);
    return entry && (!article || slug === article) ? [{ slug, edits: entry.edits }] : [];
  });
  const changes = parts.changes ? await articleChanges(reads, locale, edited) : new Map<string, ArticleRow['changes']>();
  const articles: ArticleRow[] = [];
  for (const slug of slugs) {
    if (article && slug !== article) continue;
    const entry = entries.get(slug);
    const f = figures(perArticle.get(slug) ?? acc());
    const expected = entry ? expectedReadSeconds(entry.words) : null;
    articles.push({
      slug,
      title: entry?.title ?? slug,
      category: entry?.category ?? null,
      expectedReadSeconds: expected,
      updated: entry?.updated ?? null,
      ...f,
      flags: articleFlags(f, siteContactRate, expected),
      comments: comments.get(slug) ?? [],
      changes: changes.get(slug) ?? [],
    });
  }
  articles.sort(
    (a, b) =>
      b.flags.length - a.flags.length ||
      (a.helpfulLow ?? 2) - (b.helpfulLow ?? 2) ||
      b.views - a.views ||
      a.slug.localeCompare(b.slug),
  );
  const periods = periodsBetween(from, to, interval);
  const points = new Map([...perPeriod].map(([p, a]) => [p, figures(a, MIN_SAMPLE)]));
  return {
    from,
    to,
    interval,
    totals,
    series: fillSeries(periods, points, () => figures(acc(), MIN_SAMPLE)),
    siteContactRate,
    articles,
  };
}

/** The "what was missing" comments in the range (newest first), per article. */
function commentsBySlug(rows: readonly CommentRow[]) {
  const out = new Map<string, ArticleComment[]>();
  for (const r of rows) {
    const list = out.get(r.article) ?? (out.set(r.article, []), out.get(r.article)!);
    list.push({ date: r.day, locale: r.locale, text: r.comment });
  }
  return out;
}
