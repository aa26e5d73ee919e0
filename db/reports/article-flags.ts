/** The writer-facing flags of SPEC 7.1, with their thresholds in one place. */
import type { ArticleFigures, ArticleFlag, Rate } from '../shared/reports.ts';

export const FLAG_RULES = {
  unhelpful: { maxHelpfulRate: 0.5, minVotes: 10 },
  drivesContacts: { siteRateFactor: 1.5, minSessions: 20 },
  skimmed: { expectedShare: 0.25, minViews: 20 },
} as const;

/** Flags for one article's figures, given the site contact rate and its expected read time. */
export function articleFlags(f: ArticleFigures, siteContactRate: Rate, expectedReadSeconds: number | null): ArticleFlag[] {
  const flags: ArticleFlag[] = [];
  const votes = f.helpfulYes + f.helpfulNo;
  if (f.helpfulRate !== null && f.helpfulRate < FLAG_RULES.unhelpful.maxHelpfulRate && votes >= FLAG_RULES.unhelpful.minVotes) {
    flags.push('unhelpful');
  }
  const { siteRateFactor, minSessions } = FLAG_RULES.drivesContacts;
  if (f.contactRate !== null && siteContactRate !== null && f.contactRate > siteRateFactor * siteContactRate && f.sessions >= minSessions) {
    flags.push('drives_contacts');
  }
  const { expectedShare, minViews } = FLAG_RULES.skimmed;
  if (f.medianReadSeconds !== null && expectedReadSeconds && f.medianReadSeconds < expectedShare * expectedReadSeconds && f.views >= minViews) {
    flags.push('skimmed');
  }
  if (f.views === 0) flags.push('no_traffic');
  return flags;
}
