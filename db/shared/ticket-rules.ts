/** What a ticket's status and CSAT mean (SPEC 6): the one definition the rollup triggers and the report code read. */

export const SOLVED_STATUSES = ['solved', 'closed'] as const;
export const CSAT_GOOD = ['good', '4', '5'] as const;
export const CSAT_RATED = ['good', 'bad', '1', '2', '3', '4', '5'] as const;
const SOLVED = new Set<string>(SOLVED_STATUSES);
const GOOD = new Set<string>(CSAT_GOOD);
const BAD = new Set<string>(CSAT_RATED.filter((v) => !GOOD.has(v)));

export const isSolved = (status: string | null) => status !== null && SOLVED.has(status.toLowerCase());

/** 1 good, 0 not good, null when not rated (offered but unanswered, or no survey). */
export function csatScore(csat: string | null): 1 | 0 | null {
  if (csat === null) return null;
  const v = csat.trim().toLowerCase();
  return GOOD.has(v) ? 1 : BAD.has(v) ? 0 : null;
}
