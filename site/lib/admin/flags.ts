/** What each SPEC 7.1 article flag means, for badges and the gaps queue. */

export const FLAG_INFO: Record<string, { label: string; why: string; tone: 'bad' | 'warn' }> = {
  unhelpful: { label: 'unhelpful', why: 'Helpful rate under 50% with at least 10 votes', tone: 'bad' },
  drives_contacts: { label: 'drives contacts', why: 'Contact rate over 1.5× the site rate with at least 20 sessions', tone: 'bad' },
  skimmed: { label: 'skimmed', why: 'Median read under a quarter of the expected read time with at least 20 views', tone: 'warn' },
  no_traffic: { label: 'no traffic', why: 'No views in this range', tone: 'warn' },
};
