import { describe, expect, it } from 'vitest';
import { persianStem } from '../../api/search/lang/persian.ts';
import { malayStem } from '../../api/search/lang/malay.ts';
import { normalize } from '../../api/search/normalize.ts';
import { buildIndex } from '../../api/search/build-index.ts';
import { LocaleSearch } from '../../api/search/searcher.ts';
import type { SearchSource } from '../../api/search/documents.ts';

const fa = (word: string) => persianStem(normalize(word));

// Words as they are written in the Persian seed articles (content/articles/fa).
describe('Persian light stemmer', () => {
  it('removes plural endings ها, های, ان, ات, with or without ZWNJ', () => {
    expect(fa('فاکتورها')).toBe(fa('فاکتور'));
    expect(fa('فاکتورهای')).toBe(fa('فاکتور'));
    expect(fa('پرداخت‌ها')).toBe('پرداخت');
    expect(fa('رزروها')).toBe('رزرو');
    expect(fa('طرح‌ها')).toBe('طرح');
    expect(fa('مشتریان')).toBe(fa('مشتری'));
    expect(fa('کاربران')).toBe(fa('کاربر'));
    expect(fa('تنظیمات')).toBe(fa('تنظیم'));
  });

  it('removes possessive and pronominal endings', () => {
    expect(fa('حسابتان')).toBe('حساب');
    expect(fa('گوشی‌تان')).toBe(fa('گوشی'));
    expect(fa('داده‌هایتان')).toBe(fa('داده'));
    expect(fa('مشتریانتان')).toBe(fa('مشتری'));
    expect(fa('هزینه‌ای')).toBe(fa('هزینه'));
  });

  it('removes comparative تر and superlative ترین, but not from short words that only end so', () => {
    expect(fa('جدیدترین')).toBe('جدید');
    expect(fa('رایج‌ترین')).toBe('رایج');
    expect(fa('دفتر')).toBe('دفتر');
    expect(fa('فیلتر')).toBe('فیلتر');
  });

  it('reads ZWNJ: the verb prefix می goes, a compound stays a different word', () => {
    expect(fa('می‌شود')).toBe(fa('میشود'));
    expect(fa('اشتراک‌گذاری')).toBe(fa('اشتراکگذاری'));
    expect(fa('اشتراک‌گذاری')).not.toBe(fa('اشتراک'));
    expect(fa('زمان')).toBe('زمان');
  });

  it('keeps "subscription" and "sharing" apart in search, and finds plurals and possessives', () => {
    const doc = (slug: string, title: string, body: string): SearchSource => ({ slug, url: `/fa/articles/${slug}`, title, description: title, category: 'c', tags: [], body });
    const search = new LocaleSearch(
      buildIndex('fa', 'fa', [
        doc('cancel-your-subscription', 'لغو اشتراک', 'اشتراک خود را در تنظیمات لغو کنید.'),
        doc('share-your-booking-page', 'اشتراک‌گذاری صفحهٔ رزرو', 'پیوند را با مشتریانتان به اشتراک‌گذاری بگذارید.'),
        doc('find-and-download-invoices', 'دریافت فاکتورها', 'همهٔ فاکتورهای پرداخت‌شده در صورتحساب هستند.'),
      ]),
    );
    const slugs = (q: string) => search.search(q).results.map((r) => r.slug);
    expect(slugs('اشتراک')).toEqual(['cancel-your-subscription']);
    expect(slugs('اشتراک‌گذاری')).toEqual(['share-your-booking-page']);
    expect(slugs('فاکتور')).toEqual(['find-and-download-invoices']);
    expect(slugs('مشتری')).toEqual(['share-your-booking-page']);
    expect(slugs('چطور اشتراک را لغو کنم')).toEqual(['cancel-your-subscription']);
  });
});

describe('Malay light stemmer', () => {
  it('removes prefixes and suffixes, undoing the meN-/peN- sound changes', () => {
    expect(malayStem('membatalkan')).toBe('batal');
    expect(malayStem('dibatalkan')).toBe('batal');
    expect(malayStem('batalkan')).toBe('batal');
    expect(malayStem('langganan')).toBe(malayStem('melanggan'));
    expect(malayStem('pembayaran')).toBe('bayar');
    expect(malayStem('tempahan')).toBe(malayStem('menempah'));
  });

  it('keeps an agent noun of pe- before l apart from its root: a customer (pelanggan) is not a subscription (langganan)', () => {
    expect(malayStem('pelanggan')).not.toBe(malayStem('langganan'));
    expect(malayStem('pelanggannya')).toBe(malayStem('pelanggan'));
    expect(malayStem('pelayar')).not.toBe(malayStem('layar'));
    // meN- before l is still undone: to subscribe is the subscription's verb.
    expect(malayStem('melanggan')).toBe(malayStem('langganan'));
  });

  it('leaves short words and loanwords alone', () => {
    expect(malayStem('batal')).toBe('batal');
    expect(malayStem('invois')).toBe('invois');
    expect(malayStem('menu')).toBe('menu');
  });
});
