import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../helpers/server.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const get = (path: string) => fetch(server.url + encodeURI(path));
const contentDir = fileURLToPath(new URL('../../content/articles', import.meta.url));
/** Every published article page the content defines, as [locale, slug] (drafts are never built). */
const articlePages = readdirSync(contentDir).flatMap((locale) =>
  readdirSync(join(contentDir, locale)).flatMap((category) =>
    readdirSync(join(contentDir, locale, category))
      .filter((file) => !/^draft: true$/m.test(readFileSync(join(contentDir, locale, category, file), 'utf8')))
      .map((file) => [locale, file.replace(/\.md$/, '')] as const),
  ),
);
const pathOf = (locale: string, slug: string) => `${locale === 'en' ? '' : `/${locale}`}/articles/${slug}`;

describe('locales', () => {
  it.each([
    ['/', 'en', 'ltr'],
    ['/fa/', 'fa', 'rtl'],
    ['/ru/', 'ru', 'ltr'],
    ['/ms/', 'ms', 'ltr'],
    ['/fa/search?q=رمز', 'fa', 'rtl'],
  ])('%s is served with lang=%s and dir=%s', async (path, lang, dir) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`<html lang="${lang}" dir="${dir}"`);
  });

  it('answers an unknown path under a locale with that locale\'s not-found page', async () => {
    const res = await get('/fa/articles/no-such-article');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<html lang="fa" dir="rtl"');
    expect(html).toContain('صفحه پیدا نشد');
  });

  it('has translated articles in every locale, right to left in Persian', async () => {
    for (const locale of ['fa', 'ru', 'ms']) expect(articlePages.filter(([l]) => l === locale).length).toBeGreaterThanOrEqual(8);
    const html = await (await get('/fa/articles/reset-your-password')).text();
    expect(html).toContain('<html lang="fa" dir="rtl"');
    expect(html).toContain('<meta name="kb:article" content="reset-your-password">');
    expect(html).toContain('href="/fa/contact?from=reset-your-password"');
  });

  it('links translations with hreflang, and every such link and switcher link opens a page', async () => {
    const checked = new Map<string, number>();
    for (const [locale, slug] of articlePages) {
      const html = await (await get(pathOf(locale, slug))).text();
      // hreflang links are absolute (KB_SITE_URL); the test server answers their paths.
      const hreflang = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1]!, new URL(m[2]!).pathname] as const);
      const switcher = html.slice(html.indexOf('data-lang-switcher'), html.indexOf('</details>'));
      const targets = [...switcher.matchAll(/<a href="([^"]+)" hreflang="([^"]+)"/g)].map((m) => [m[2]!, m[1]!] as const);
      expect(targets).toHaveLength(4);
      for (const [lang, href] of targets) {
        // The switcher lands on the same article where a translation exists, else on the English article (hreflang en).
        const translated = articlePages.some(([l, s]) => l === lang && s === slug);
        if (!lang || !href) throw new Error('switcher link without href or hreflang');
        expect(href).toBe(translated ? pathOf(lang, slug) : pathOf('en', slug));
      }
      // Every translation, the page itself included, and x-default (the English article).
      const translations = articlePages.filter(([, s]) => s === slug).map(([l]) => l);
      expect(hreflang.filter(([l]) => l !== 'x-default').map(([l]) => l).sort()).toEqual([...translations].sort());
      expect(hreflang.find(([l]) => l === 'x-default')?.[1]).toBe(pathOf('en', slug));
      for (const [, href] of [...hreflang, ...targets]) {
        if (!checked.has(href)) checked.set(href, (await fetch(server.url + href)).status);
      }
    }
    expect([...checked].filter(([, status]) => status !== 200)).toEqual([]);
    expect(checked.size).toBeGreaterThan(40);
  });

  it('finds Persian, Russian and Malay articles from queries typed as users type them', async () => {
    const cases = [
      ['fa', 'بازنشاني رمز عبور', 'reset-your-password'], // Arabic yeh
      ['fa', 'لغو اشتراك', 'cancel-your-subscription'], // Arabic kaf
      ['ru', 'забыл пароль', 'reset-your-password'],
      ['ru', 'отменить подписку', 'cancel-your-subscription'],
      ['ms', 'kata laluan', 'reset-your-password'],
      ['ms', 'batal langganan', 'cancel-your-subscription'],
    ] as const;
    for (const [locale, q, slug] of cases) {
      const api = (await (await fetch(`${server.url}/api/search?locale=${locale}&q=${encodeURIComponent(q)}`)).json()) as { results: { url: string }[] };
      expect(api.results[0]?.url, `${locale}: ${q}`).toBe(`/${locale}/articles/${slug}`);
      const page = await (await fetch(`${server.url}/${locale}/search?q=${encodeURIComponent(q)}`)).text();
      expect(page).toContain(`href="/${locale}/articles/${slug}"`);
    }
  });
});
