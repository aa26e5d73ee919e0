/** Ranking a customer notices: word families, framing words, numbers, titles, and near matches after too few full ones. */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../api/search/build-index.ts';
import { LocaleSearch } from '../../api/search/searcher.ts';
import { parseSynonyms } from '../../api/search/synonyms.ts';
import { englishFamilies, englishForm } from '../../api/search/lang/english.ts';
import type { SearchSource } from '../../api/search/documents.ts';
import { sampleSearch } from '../helpers/sample-search.ts';

const article = (slug: string, title: string, body: string, description = title): SearchSource => ({
  slug,
  url: `/articles/${slug}`,
  title,
  description,
  category: 'Help',
  tags: [],
  body,
});
const slugs = (search: LocaleSearch, q: string) => search.search(q).results.map((r) => r.slug);

describe('the sample help center', () => {
  const en = sampleSearch('en');

  it('"refund a booking" ranks the refund article first and does not suggest the QuickBooks export ("books" is not "a booking")', () => {
    const answer = en.search('refund a booking', 6);
    expect(answer.results[0]!.slug).toBe('refund-a-client-payment');
    // Strict matching keeps the stem match: the article is still counted, only lower.
    expect(answer.total).toBeGreaterThan(answer.results.length - 1);
    expect(en.suggest('refund a booking').map((r) => r.slug)).not.toContain('export-to-quickbooks-or-xero');
    expect(en.suggest('refund a booking').map((r) => r.slug)).toContain('refund-a-client-payment');
  });

  it('"my books dont match" finds the accounting export first: the synonyms of "booking" are not those of "books"', () => {
    expect(en.search('my books dont match').results[0]!.slug).toBe('export-to-quickbooks-or-xero');
  });

  it('Malay "pelanggan" (customer) does not suggest cancelling a subscription (langganan); "langganan" finds it first', () => {
    const ms = sampleSearch('ms');
    expect(ms.suggest('pelanggan').map((r) => r.slug)).not.toContain('cancel-your-subscription');
    expect(ms.search('langganan').results[0]!.slug).toBe('cancel-your-subscription');
  });

  it('still answers "gift cards" and "apple pay" with zero results', () => {
    expect(en.search('gift cards').total).toBe(0);
    expect(en.search('apple pay').total).toBe(0);
  });
});

describe('word families within a stem (English)', () => {
  it('reads the singular of a word as written', () => {
    expect(['bookings', 'batteries', 'boxes', 'settings', 'access', 'status', 'analysis', 'sms'].map(englishForm)).toEqual([
      'booking',
      'battery',
      'box',
      'setting',
      'access',
      'status',
      'analysis',
      'sms',
    ]);
  });

  it('makes an -ing word a family of its own only where the articles use it as a noun, in the plural', () => {
    expect(englishFamilies(new Map([['booking', { plural: true }], ['book', { plural: true }]]))).toEqual([['booking'], ['book']]);
    // "supported" and "uploading" are the verb: one family, matched alike.
    expect(englishFamilies(new Map([['support', { plural: true }], ['supported', { plural: false }]]))).toBeUndefined();
    expect(englishFamilies(new Map([['uploading', { plural: false }], ['upload', { plural: true }]]))).toBeUndefined();
  });

  const search = new LocaleSearch(
    buildIndex('en', 'en', [
      article('accounting', 'Export sales to your accounting app', 'Send refunds and fees daily so your books match your bank.', 'Your books match your bank, refunds included.'),
      article('refund-booking', 'Cancel and refund bookings', 'Open one of your bookings and select Refund. The booking is cancelled.'),
      article('supported', 'Supported browsers', 'Chrome and Firefox are supported.'),
      article('support', 'Contact support', 'Our support team answers within a day.'),
    ]),
  );

  it('ranks the article with the customer\'s own word above one sharing only its stem, and still counts both', () => {
    const answer = search.search('refund booking');
    expect(answer.total).toBe(2);
    expect(answer.results.map((r) => r.slug)).toEqual(['refund-booking', 'accounting']);
  });

  it('does not let the other family pass the contact form\'s bar', () => {
    expect(search.suggest('refund booking').map((r) => r.slug)).toEqual(['refund-booking']);
  });

  it('matches the forms of one family alike ("support" finds "supported" at full weight)', () => {
    expect(search.search('support').total).toBe(2);
    expect(slugs(search, 'supported browsers')).toEqual(['supported']);
  });
});

describe('synonyms within a stem', () => {
  const rules = parseSynonyms('- [booking, appointment]\n', 'en.yml');
  const search = new LocaleSearch(
    buildIndex(
      'en',
      'en',
      [
        article('accounting', 'Export sales to your accounting app', 'Send refunds daily so your books match your bank.', 'Keep your books in step with your bank.'),
        article('refund-booking', 'Refund a payment', 'Open one of your bookings and select Refund.'),
        article('reschedule', 'Reschedule an appointment', 'Drag the appointment to a new time.'),
      ],
      { file: 'en.yml', rules },
    ),
  );

  it('apply to the word a rule names, not to another word of its stem ("books" is not "a booking")', () => {
    expect(slugs(search, 'books')).toEqual(['accounting', 'refund-booking']);
    expect(slugs(search, 'booking')).toContain('reschedule');
  });

  it('find the rule\'s own word first, other words of its stem counting less and never suggested', () => {
    expect(slugs(search, 'appointment')[0]).toBe('reschedule');
    expect(search.search('appointment').total).toBe(3);
    expect(search.suggest('appointment').map((r) => r.slug)).not.toContain('accounting');
  });
});

describe('the words of a request', () => {
  const search = new LocaleSearch(
    buildIndex('en', 'en', [
      article('cancel', 'Cancel your subscription', 'Open Billing and select Cancel subscription.'),
      article('two-step', 'Turn on 2-Step Verification', 'Scan the code with your authenticator app.'),
      article('help', 'Get help from the team', 'We need a few details to help.'),
    ]),
  );

  it('does not require words that frame a request ("is it possible", "I want to") and never reports them missing', () => {
    for (const q of ['is it possible to cancel my subscription', 'I want to cancel my subscription', 'tell me how to cancel my subscription']) {
      const answer = search.search(q);
      expect(answer.total, q).toBe(1);
      expect(answer.results[0]!.slug, q).toBe('cancel');
    }
    expect(search.search('possible zebra').missing).toEqual(['zebra']);
  });

  it('requires framing words when they are all the query has', () => {
    expect(slugs(search, 'need help')).toEqual(['help']);
  });

  it('matches a number written as a word or in digits', () => {
    expect(slugs(search, 'two step verification')).toEqual(['two-step']);
    expect(slugs(search, '2 step verification')).toEqual(['two-step']);
  });
});

describe('titles', () => {
  const search = new LocaleSearch(
    buildIndex('en', 'en', [
      article('doesnt-upload', 'If your sketch doesn’t upload to the board', 'Check the sketch, the port and the cable before you upload again.'),
      article('upload', 'Upload a sketch in Arduino IDE', 'Select the board and port, then click Upload to send the sketch.'),
      article('ports', 'Select a port in Arduino IDE', 'The port menu lists the boards you connected.'),
    ]),
  );

  it('ranks the title that holds the query\'s words side by side first, typo or not', () => {
    expect(slugs(search, 'upload a sketch')[0]).toBe('upload');
    expect(slugs(search, 'uplaod a sketch')[0]).toBe('upload');
  });
});

describe('near matches after too few full ones', () => {
  const search = new LocaleSearch(
    buildIndex('en', 'en', [
      article('quickbooks', 'Export sales to QuickBooks', 'A client card payment that was declined and then refunded shows as two lines.'),
      article('failed', 'Why did a client card payment fail?', 'The bank declined the card: ask the client for another card.'),
      article('refund', 'Refund a client payment', 'Open the client payment and select Refund.'),
      article('hours', 'Set working hours', 'Add two ranges for a lunch break.'),
    ]),
  );

  it('lists after the full matches the articles lacking one word, with the word, without counting them', () => {
    const answer = search.search('client card declined refund');
    expect(answer.total).toBe(1);
    expect(answer.results.map((r) => r.slug)).toEqual(['quickbooks']);
    expect(answer.partial.map((r) => [r.slug, r.missing])).toEqual([['failed', ['refund']]]);
    expect(answer.missing).toEqual([]);
  });

  it('adds none to a query of two words (lacking one of two is having any) or when the full matches fill the list', () => {
    expect(search.search('client payment').partial).toEqual([]);
    expect(search.search('client card declined refund', 1).partial).toEqual([]);
  });
});

describe('snippets', () => {
  const search = new LocaleSearch(
    buildIndex('en', 'en', [
      article('wifi', 'Connect the reader', 'Hold the button until the light blinks, then choose your Wi-Fi network.'),
      article('title-only', 'Refund policy', 'Nothing about it here.', 'Money back within 14 days.'),
    ]),
  );

  it('marks a hyphenated word found through its joined form', () => {
    expect(search.search('wifi').results[0]!.snippet).toContain('<mark>Wi-Fi</mark>');
  });

  it('falls back to the description when the text has none of the words', () => {
    expect(search.search('refund policy').results[0]!.snippet).toBe('Money back within 14 days.');
  });
});
