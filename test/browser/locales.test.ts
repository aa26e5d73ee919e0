import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { humanContext, launchBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await humanContext(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('search in every locale', () => {
  it.each([
    ['fa', 'جستجو در مرکز راهنما', 'بازنشاني رمز', 'reset-your-password'], // typed with Arabic yeh
    ['fa', 'جستجو در مرکز راهنما', 'لغو اشتراك', 'cancel-your-subscription'], // typed with Arabic kaf
    ['ru', 'Поиск по справочному центру', 'забыл пароль', 'reset-your-password'],
    ['ru', 'Поиск по справочному центру', 'подписку отменить', 'cancel-your-subscription'],
    ['ms', 'Cari di pusat bantuan', 'kata laluan', 'reset-your-password'],
  ])('/%s/search suggests the right article for a typed query', async (locale, label, query, slug) => {
    const page = await context.newPage();
    await page.goto(`${server.url}/${locale}/search`);
    await page.getByRole('combobox', { name: label }).pressSequentially(query, { delay: 30 });
    const first = page.getByRole('option').first();
    // Suggestions for a half-typed query may show first; wait for those of the whole query.
    await expect.poll(() => first.getAttribute('data-href'), { timeout: 5000 }).toBe(`/${locale}/articles/${slug}`);
    await first.click();
    await page.waitForURL(`**/${locale}/articles/${slug}`);
    await page.close();
  });
});

describe('right to left', () => {
  it('lays out a Persian article right to left and axe finds no violations', async () => {
    const page = await context.newPage();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${server.url}/fa/articles/reset-your-password`);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), scheme).toEqual([]);
    }
    // Mirrored: the table of contents sits left of the article, the breadcrumb starts at the right edge.
    const article = await page.locator('article').boundingBox();
    const toc = await page.locator('.toc').boundingBox();
    expect(toc!.x).toBeLessThan(article!.x);
    const crumbs = await page.locator('.crumbs li').first().boundingBox();
    const last = await page.locator('.crumbs li').last().boundingBox();
    expect(crumbs!.x).toBeGreaterThan(last!.x);
    await page.close();
  });

  it('switches language on the same article', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/articles/reset-your-password`);
    await page.locator('.lang summary').click();
    await page.getByRole('link', { name: 'Русский' }).click();
    await page.waitForURL('**/ru/articles/reset-your-password');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await page.close();
  });
});
