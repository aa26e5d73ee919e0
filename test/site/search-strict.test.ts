import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../api/search/build-index.ts';
import { LocaleSearch } from '../../api/search/searcher.ts';
import { parseSynonyms } from '../../api/search/synonyms.ts';
import { oneTypo } from '../../api/search/typo.ts';
import type { SearchSource } from '../../api/search/documents.ts';

const article = (slug: string, title: string, body: string): SearchSource => ({
  slug,
  url: `/articles/${slug}`,
  title,
  description: title,
  category: 'Help',
  tags: [],
  body,
});

const ARTICLES = [
  article('cancel-your-subscription', 'Cancel your subscription', 'Open Billing and select Cancel subscription. You keep access until the end of the period.'),
  article('refund-a-client-payment', 'Refund a client payment', 'Open the payment and select Refund. The client gets the money within ten days.'),
  article('update-your-billing-card', 'Update your billing card', 'Add a new card under Billing. We charge the card on file each month.'),
  article('accepted-payment-methods', 'Accepted payment methods', 'Clients pay with a card or a bank transfer. Payouts reach you weekly.'),
  article('connect-to-wifi', 'Connect the reader to Wi-Fi', 'Hold the button until the light blinks, then choose your network.'),
  article('set-working-hours', 'Set working hours', 'Add two ranges for a lunch break. Alternating weeks repeat every 2 weeks.'),
];
const rules = parseSynonyms('- [refund, money back, reimburse]\n- unsubscribe -> cancel subscription\n- stop paying -> cancel subscription\n', 'content/synonyms/en.yml');
const en = new LocaleSearch(buildIndex('en', 'en', ARTICLES, { file: 'content/synonyms/en.yml', rules }));
const slugs = (q: string) => en.search(q).results.map((r) => r.slug);

describe('strict matching', () => {
  it('counts only articles with every meaningful word; stop words do not count', () => {
    expect(en.search('how do I cancel my subscription').total).toBe(1);
    expect(slugs('refund client')).toEqual(['refund-a-client-payment']);
    expect(slugs('card payment')).toEqual(['accepted-payment-methods']);
  });

  it('answers "apple pay" with zero results, partial matches and "apple" missing', () => {
    const answer = en.search('apple pay');
    expect(answer.total).toBe(0);
    expect(answer.results).toEqual([]);
    expect(answer.missing).toEqual(['apple']);
    expect(answer.partial.map((r) => r.slug)).toEqual(['accepted-payment-methods']);
    expect(answer.partial[0]!.missing).toEqual(['apple']);
  });

  it('names under each partial result the words that article lacks, when every word exists somewhere', () => {
    const answer = en.search('refund weeks');
    expect(answer.total).toBe(0);
    expect(answer.missing).toEqual([]);
    const bySlug = Object.fromEntries(answer.partial.map((r) => [r.slug, r.missing]));
    expect(bySlug['refund-a-client-payment']).toEqual(['weeks']);
    expect(bySlug['set-working-hours']).toEqual(['refund']);
  });

  it('finds a word written split or joined ("wifi", "wi fi", "Wi-Fi")', () => {
    for (const q of ['wifi', 'wi fi', 'wi-fi network']) expect(slugs(q), q).toEqual(['connect-to-wifi']);
  });

  it('ranks an article whose title holds every word first', () => {
    expect(slugs('billing card')[0]).toBe('update-your-billing-card');
  });
});

describe('typos', () => {
  it('finds words of five letters or more with one slip: missing, extra, swapped or neighbouring letter', () => {
    expect(slugs('subscripton')).toEqual(['cancel-your-subscription']); // missing i
    expect(slugs('refunnd')).toEqual(['refund-a-client-payment']); // extra n
    expect(slugs('paymnet methods')).toEqual(['accepted-payment-methods']); // swapped
    expect(slugs('cancrl subscription')).toEqual(['cancel-your-subscription']); // r beside e
  });

  it('leaves short words and implausible replacements alone', () => {
    expect(en.search('crad').total).toBe(0); // four letters: no typo tolerance
    expect(oneTypo('apple', 'apply')).toBe(false); // e and y are far apart
    expect(oneTypo('calender', 'calendar')).toBe(true); // a vowel for a vowel
    expect(oneTypo('pasword', 'password')).toBe(true);
    expect(oneTypo('uplaod', 'upload')).toBe(true);
  });

  it('prefers the exact word: a word the articles have is never read as a typo', () => {
    expect(en.search('card').results.map((r) => r.slug)).not.toContain('connect-to-wifi');
  });
});

describe('synonyms', () => {
  it('treats every phrase of a group as one, both ways', () => {
    expect(slugs('money back')).toEqual(['refund-a-client-payment']);
    expect(slugs('reimburse a client')).toEqual(['refund-a-client-payment']);
  });

  it('maps one way: "unsubscribe" finds the cancel article, "cancel" does not find unsubscribe pages', () => {
    expect(slugs('unsubscribe')).toEqual(['cancel-your-subscription']);
    expect(slugs('stop paying')).toEqual(['cancel-your-subscription']);
    expect(en.search('stopped paying for it').total).toBe(1);
  });

  it('still requires the rest of the query', () => {
    expect(en.search('money back zebra').total).toBe(0);
    expect(en.search('money back zebra').missing).toEqual(['zebra']);
  });
});

describe('contact-form suggestions', () => {
  it('suggests at most three articles with every word, and none for stray words', () => {
    expect(en.suggest('refund payment').map((r) => r.slug)).toEqual(['refund-a-client-payment']);
    // Both words appear in "Set working hours", but far from where its weight lies: none rather than noise.
    expect(en.search('two weeks').total).toBe(1);
    expect(en.suggest('two weeks')).toEqual([]);
    expect(en.suggest('apple pay')).toEqual([]);
  });
});
