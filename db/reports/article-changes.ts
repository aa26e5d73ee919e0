/** Before/after figures around each edit of an article (SPEC 7.1 `changes`). */
import type { ArticleChange } from '../shared/reports.ts';
import { addDays } from './periods.ts';
import type { ReportReads, WindowSums } from './report-reads.ts';
import { rate, significantChange } from './stats.ts';

export const CHANGE_WINDOW_DAYS = 28;

const figures = (r: WindowSums) => ({
  contactRate: rate(r.contacts, r.sessions),
  helpfulRate: rate(r.yes, r.yes + r.no),
  sessions: r.sessions,
  votes: r.yes + r.no,
});

/**
 * For an edit on day D: D-28..D-1 against D+1..D+28 (the edit day itself mixes both versions), newest first,
 * for every article at once (one read of all their windows). `significant`: did the contact rate change at 95%
 * (two-proportion z-test), null under 20 sessions on either side; `helpfulSignificant` the same for the helpful
 * rate over votes.
 */
export async function articleChanges(
  reads: ReportReads,
  locale: string,
  articles: ReadonlyArray<{ slug: string; edits: readonly string[] }>,
): Promise<Map<string, ArticleChange[]>> {
  const windows = articles.flatMap(({ slug, edits }) =>
    [...edits].reverse().flatMap((date) => [
      { article: slug, from: addDays(date, -CHANGE_WINDOW_DAYS), to: addDays(date, -1) },
      { article: slug, from: addDays(date, 1), to: addDays(date, CHANGE_WINDOW_DAYS) },
    ]),
  );
  const sums = await reads.articleWindows(locale, windows);
  const out = new Map<string, ArticleChange[]>();
  let i = 0;
  for (const { slug, edits } of articles) {
    out.set(
      slug,
      [...edits].reverse().map((date) => {
        const before = sums[i++]!;
        const after = sums[i++]!;
        return {
          date,
          before: figures(before),
          after: figures(after),
          significant: significantChange(before.contacts, before.sessions, after.contacts, after.sessions),
          helpfulSignificant: significantChange(before.yes, before.yes + before.no, after.yes, after.yes + after.no),
        };
      }),
    );
  }
  return out;
}
