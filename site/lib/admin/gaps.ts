/** Labels, filters and links for rows of the writers' queue (SPEC 7.2a). */
import type { GapRow } from '../../../db/shared/reports.ts';

export const GAP_KINDS: Record<string, { label: string; tone: string }> = {
  zero_result_query: { label: 'no results', tone: 'badge-bad' },
  contact_query: { label: 'search → contact', tone: 'badge-warn' },
  drives_contacts: { label: 'drives contacts', tone: 'badge-bad' },
  unhelpful: { label: 'unhelpful', tone: 'badge-bad' },
  topic: { label: 'busy topic', tone: 'badge-warn' },
};

/** The filter chips above the queue: every kind, or one group of kinds. */
export const GAP_FILTERS = [
  { key: '', label: 'Everything', kinds: undefined },
  { key: 'searches', label: 'Searches with no answer', kinds: ['zero_result_query', 'contact_query'] },
  { key: 'articles', label: 'Articles to fix', kinds: ['drives_contacts', 'unhelpful'] },
  { key: 'topics', label: 'Busy topics', kinds: ['topic'] },
] as const;

/** Rows shown before "show all". */
export const GAP_PAGE = 40;

/** Keeps the queue's order; narrows to the chosen filter and the first GAP_PAGE rows unless all are asked for. */
export function visibleGaps<T extends Pick<GapRow, 'kind'>>(gaps: readonly T[], filter: string | null, all: boolean) {
  const kinds = GAP_FILTERS.find((f) => f.key === filter)?.kinds as readonly string[] | undefined;
  const matching = kinds ? gaps.filter((g) => kinds.includes(g.kind)) : [...gaps];
  return { rows: all ? matching : matching.slice(0, GAP_PAGE), total: matching.length };
}

/** Where a row leads: an article's own page; other kinds have no page of their own. */
export function gapLink(gap: Pick<GapRow, 'kind' | 'key'>, rangeQuery: string): string | undefined {
  if (gap.kind === 'drives_contacts' || gap.kind === 'unhelpful') return `/admin/articles/${encodeURIComponent(gap.key)}?${rangeQuery}`;
  return undefined;
}
