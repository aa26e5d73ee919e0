/** Labels and links for rows of the writers' queue (SPEC 7.2a). */
import type { GapRow } from '../../../db/queries/types.ts';

export const GAP_KINDS: Record<string, { label: string; tone: string }> = {
  zero_result_query: { label: 'no results', tone: 'badge-bad' },
  contact_query: { label: 'search → contact', tone: 'badge-warn' },
  drives_contacts: { label: 'drives contacts', tone: 'badge-bad' },
  unhelpful: { label: 'unhelpful', tone: 'badge-bad' },
  topic: { label: 'busy topic', tone: 'badge-warn' },
};

/** Where a row leads: an article's own page; other kinds have no page of their own. */
export function gapLink(gap: Pick<GapRow, 'kind' | 'key'>, rangeQuery: string): string | undefined {
  if (gap.kind === 'drives_contacts' || gap.kind === 'unhelpful') return `/admin/articles/${encodeURIComponent(gap.key)}?${rangeQuery}`;
  return undefined;
}
