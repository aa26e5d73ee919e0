import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../api/search/build-index.ts';
import { LocaleSearch } from '../../api/search/searcher.ts';
import { normalize, terms } from '../../api/search/normalize.ts';
import type { SearchSource } from '../../api/search/documents.ts';

const doc = (slug: string, title: string, body: string): SearchSource => ({
  slug,
  url: `/x/articles/${slug}`,
  title,
  description: title,
  category: 'c',
  tags: [],
  body,
});
const slugs = (s: LocaleSearch, q: string) => s.search(q).results.map((r) => r.slug);

describe('Persian search', () => {
  // Written as a Persian writer types: Persian yeh/kaf, ZWNJ in compounds, Persian digits.
  const fa = new LocaleSearch(
    buildIndex('fa', 'unicode', [
      doc('reset-your-password', 'بازنشانی رمز عبور', 'لینک بازنشانی پس از ۶۰ دقیقه منقضی می‌شود. ایمیل را در پوشهٔ هرزنامه جست‌وجو کنید.'),
      doc('connect-google-calendar', 'اتصال تقویم گوگل', 'رزروها در تقویم شما نمایش داده می‌شوند.'),
      doc('cancel-your-subscription', 'لغو اشتراک', 'اشتراک خود را در تنظیمات لغو کنید.'),
    ]),
  );

  it('finds a word typed with Arabic yeh and kaf', () => {
    expect(slugs(fa, 'تقويم')).toEqual(['connect-google-calendar']); // Arabic yeh ي
    expect(slugs(fa, 'اشتراك')).toEqual(['cancel-your-subscription']); // Arabic kaf ك
    expect(slugs(fa, 'بازنشاني رمز')).toEqual(['reset-your-password']);
  });

  it('finds ZWNJ compounds typed with the ZWNJ, without it, or with a space', () => {
    for (const q of ['جست\u200cوجو', 'جستوجو', 'جست وجو', 'منقضی می\u200cشود', 'منقضی میشود', 'منقضی می شود']) {
      expect(slugs(fa, q), q).toEqual(['reset-your-password']);
    }
  });

  it('finds Persian words the default lunr trimmer would drop', () => {
    expect(slugs(fa, 'هرزنامه')).toEqual(['reset-your-password']);
    expect(slugs(fa, 'لغو')).toEqual(['cancel-your-subscription']);
  });

  it('marks the Persian word in the snippet', () => {
    expect(fa.search('هرزنامه').results[0]!.snippet).toContain('<mark>هرزنامه</mark>');
  });

  it('normalises yeh, kaf, diacritics, tatweel and digits', () => {
    expect(normalize('كيك')).toBe('کیک');
    expect(normalize('رَمز')).toBe('رمز');
    expect(normalize('ســلام')).toBe('سلام');
    expect(normalize('۶۰')).toBe('60');
    // A ZWNJ compound stays one word; the Persian stemmer knows which parts are only inflection.
    expect(terms('می‌شود')).toEqual(['می\u200cشود']);
    expect(terms('Wi-Fi')).toEqual(['wifi', 'wi', 'fi']);
  });
});

describe('Russian search', () => {
  const ru = new LocaleSearch(
    buildIndex('ru', 'ru', [
      doc('reset-your-password', 'Сброс пароля', 'Если вы забыли пароль, запросите ссылку для сброса.'),
      doc('cancel-your-subscription', 'Отмена подписки', 'Подписку можно отменить в настройках. Stripe вернёт деньги.'),
      doc('connect-google-calendar', 'Подключение Google Календаря', 'Записи появятся в вашем календаре.'),
    ]),
  );

  it('finds inflected forms through the Russian stemmer', () => {
    expect(slugs(ru, 'пароль')).toEqual(['reset-your-password']);
    expect(slugs(ru, 'паролем')).toEqual(['reset-your-password']);
    expect(slugs(ru, 'отменить подписку')).toEqual(['cancel-your-subscription']);
    expect(slugs(ru, 'календарь')).toEqual(['connect-google-calendar']);
  });

  it('finds words typed with е for ё, and English names inside Russian text', () => {
    expect(slugs(ru, 'вернет')).toEqual(['cancel-your-subscription']);
    expect(slugs(ru, 'stripe')).toEqual(['cancel-your-subscription']);
    expect(slugs(ru, 'google')).toEqual(['connect-google-calendar']);
  });
});

describe('Malay search', () => {
  const ms = new LocaleSearch(
    buildIndex('ms', 'unicode', [
      doc('reset-your-password', 'Tetapkan semula kata laluan', 'Jika anda terlupa kata laluan, minta pautan baharu.'),
      doc('cancel-your-subscription', 'Batalkan langganan', 'Anda boleh membatalkan langganan dalam Tetapan.'),
    ]),
  );

  it('finds Malay words as typed, and their beginnings while typing', () => {
    expect(slugs(ms, 'kata laluan')).toEqual(['reset-your-password']);
    expect(slugs(ms, 'Langganan')).toEqual(['cancel-your-subscription']);
    expect(slugs(ms, 'batal')).toEqual(['cancel-your-subscription']);
  });
});
