import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../api/search/build-index.ts';
import { searchService } from '../../api/search/service.ts';
import { parseSynonyms } from '../../api/search/synonyms.ts';
import { synonymHints } from '../../site/lib/admin/synonym-hints.ts';
import type { SearchSource } from '../../api/search/documents.ts';

const doc = (slug: string, title: string, body: string, locale = 'en'): SearchSource => ({
  slug, url: `/${locale}/articles/${slug}`, title, description: title, category: 'c', tags: [], body,
});
const search = searchService([
  buildIndex('en', 'en', [
    doc('accepted-payment-methods', 'Accepted payment methods', 'Clients pay by card.'),
    doc('cancel-your-subscription', 'Cancel your subscription', 'Open Billing and cancel.'),
  ]),
  buildIndex('fa', 'fa', [doc('connect-google-calendar', 'اتصال Google Calendar', 'تقویم گوگل', 'fa')]),
]);

describe('synonym hints for zero-result queries', () => {
  it('names the articles sharing a word and a line that, added to the file, reads back as one mapping', () => {
    const [hint] = synonymHints(['apple pay'], search);
    expect(hint).toMatchObject({ query: 'apple pay', locale: 'en', nowFinds: 0 });
    expect(hint!.candidates[0]).toEqual({
      title: 'Accepted payment methods',
      url: '/en/articles/accepted-payment-methods',
      line: '- apple pay -> accepted payment methods',
    });
    const [rule] = parseSynonyms(hint!.candidates[0]!.line, 'en.yml');
    expect(rule).toMatchObject({ kind: 'oneWay', phrases: ['apple pay', 'accepted payment methods'] });
  });

  it('says when no article shares a word (a content gap), and guesses the locale from the script', () => {
    expect(synonymHints(['hipaa'], search)[0]).toMatchObject({ nowFinds: 0, candidates: [] });
    expect(synonymHints(['تقویم اپل'], search)[0]).toMatchObject({ locale: 'fa' });
  });

  it('quotes a query YAML would misread', () => {
    const [hint] = synonymHints(['pay: #now'], search);
    const line = hint!.candidates[0]!.line;
    expect(parseSynonyms(line, 'en.yml')[0]).toMatchObject({ kind: 'oneWay', phrases: ['pay: #now', 'accepted payment methods'] });
  });
});
