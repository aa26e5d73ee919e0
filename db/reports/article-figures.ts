/** Reads the article rollups for a range and turns their sums into the figures of SPEC 7.1. */
import type { ArticleFigures } from '../shared/reports.ts';
import { sampledRate, wilsonLower } from './stats.ts';

/** The additive counters of article_days. */
export interface ArticleSums {
  views: number;
  visitors: number;
  readThrough: number;
  engagedViews: number;
  engagedSeconds: number;
  helpfulYes: number;
  helpfulNo: number;
  sessions: number;
  contactsAfterRead: number;
}

export const zeroSums = (): ArticleSums => ({
  views: 0, visitors: 0, readThrough: 0, engagedViews: 0, engagedSeconds: 0,
  helpfulYes: 0, helpfulNo: 0, sessions: 0, contactsAfterRead: 0,
});

export function addSums(into: ArticleSums, row: ArticleSums): void {
  into.views += row.views;
  into.visitors += row.visitors;
  into.readThrough += row.readThrough;
  into.engagedViews += row.engagedViews;
  into.engagedSeconds += row.engagedSeconds;
  into.helpfulYes += row.helpfulYes;
  into.helpfulNo += row.helpfulNo;
  into.sessions += row.sessions;
  into.contactsAfterRead += row.contactsAfterRead;
}

export type ArticleDayRow = ArticleSums & { article: string; day: string };

/**
 * Turns sums and a median into the published figures. `minSample` (series points: MIN_SAMPLE) leaves a `...Rate`
 * null when its denominator (views, votes, sessions) is smaller.
 */
export function articleFigures(sums: ArticleSums, medianReadSeconds: number | null, minSample = 1): ArticleFigures {
  const votes = sums.helpfulYes + sums.helpfulNo;
  const rate = (n: number, d: number) => sampledRate(n, d, minSample);
  const contactRate = rate(sums.contactsAfterRead, sums.sessions);
  return {
    views: sums.views,
    visitors: sums.visitors,
    avgReadSeconds: sums.engagedViews > 0 ? sums.engagedSeconds / sums.engagedViews : null,
    medianReadSeconds,
    readThroughRate: rate(sums.readThrough, sums.views),
    helpfulYes: sums.helpfulYes,
    helpfulNo: sums.helpfulNo,
    helpfulRate: rate(sums.helpfulYes, votes),
    helpfulLow: wilsonLower(sums.helpfulYes, votes),
    sessions: sums.sessions,
    contactsAfterRead: sums.contactsAfterRead,
    contactRate,
    deflectionRate: contactRate === null ? null : 1 - contactRate,
  };
}
