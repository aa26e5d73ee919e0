import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../api/search/build-index.ts';
import { LocaleSearch } from '../../api/search/searcher.ts';
import type { SearchSource } from '../../api/search/documents.ts';

const article = (slug: string, title: string, body: string, description = `About ${title.toLowerCase()}.`): SearchSource => ({
  slug,
  url: `/articles/${slug}`,
  title,
  description,
  category: 'Billing',
  tags: [],
  body,
});

const english = new LocaleSearch(
  buildIndex('en', 'en', [
    article('refund-a-booking', 'Refund a booking', '## Full refunds\n\nOpen the booking and select **Refund**.'),
    article('payouts', 'When payouts arrive', 'Payouts reach your bank in two days. A refund is taken from the next payout.'),
    article('calendar-sync', 'Sync your calendar', 'Connect Google Calendar so bookings appear on your phone.'),
    article('escaping', 'Custom booking page code', 'Paste <script>alert(1)</script> & "quotes" into the page footer to add a widget.'),
  ]),
);

const slugs = (q: string) => english.search(q).results.map((r) => r.slug);

describe('search index', () => {
  it('finds an article by a word of its title', () => {
    expect(slugs('calendar')).toContain('calendar-sync');
  });

  it('finds an article by a word only in its body', () => {
    expect(slugs('bank')).toEqual(['payouts']);
  });

  it('finds inflected forms through the stem', () => {
    expect(slugs('refunding')).toContain('refund-a-booking');
    expect(slugs('synced calendars')).toEqual(['calendar-sync']);
  });

  it('ranks a title match above a body match', () => {
    expect(slugs('refund')).toEqual(['refund-a-booking', 'payouts']);
  });

  it('finds words while they are still being typed', () => {
    expect(slugs('refu')).toContain('refund-a-booking');
    expect(slugs('calend')).toContain('calendar-sync');
    expect(slugs('bookin')).toContain('refund-a-booking');
  });

  it('requires every word; with no article having them all, answers zero with the partial matches', () => {
    expect(slugs('refund payout')).toEqual(['payouts']);
    const answer = english.search('refund zebra');
    expect(answer.total).toBe(0);
    expect(answer.results).toEqual([]);
    expect(answer.partial.map((r) => r.slug)).toContain('refund-a-booking');
    expect(answer.missing).toEqual(['zebra']);
  });

  it('answers an empty, blank, stop-word or punctuation-only query with no results and no error', () => {
    for (const q of ['', '   ', '?!*:~^+-', 'the', '"', '\\', '***']) {
      expect(english.search(q)).toEqual({ total: 0, results: [], partial: [], missing: [] });
    }
  });

  it('treats lunr query syntax as plain text', () => {
    expect(() => english.search('title:refund~2 +bank -calendar^10')).not.toThrow();
  });

  it('cuts very long queries instead of failing', () => {
    expect(() => english.search('refund '.repeat(5000))).not.toThrow();
  });

  it('marks matched words in the snippet', () => {
    const [hit] = english.search('bank').results;
    expect(hit!.snippet).toContain('<mark>bank</mark>');
    expect(hit!.url).toBe('/articles/payouts');
    expect(hit!.category).toBe('Billing');
  });

  it('escapes HTML in the snippet', () => {
    const [hit] = english.search('widget').results;
    expect(hit!.snippet).toContain('&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(hit!.snippet).not.toMatch(/<\/?script/);
    expect(hit!.snippet).toContain('<mark>widget</mark>');
  });

  it('limits the number of results but reports the total', () => {
    const answer = english.search('booking', 1);
    expect(answer.results).toHaveLength(1);
    expect(answer.total).toBeGreaterThan(1);
  });
});

describe('search documents', () => {
  it('reads tables as cells, not pipes', async () => {
    const { markdownText } = await import('../../api/content/markdown-text.ts');
    const { text, headings } = markdownText('## Fees\n\n| Plan | Fee |\n|---|---:|\n| Solo | 2% |\n\nDone.');
    expect(headings).toEqual(['Fees']);
    expect(text).toBe('Plan · Fee\nSolo · 2%\nDone.');
  });
});
