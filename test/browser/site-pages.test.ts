import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP_UA, humanContext, launchBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { contentArticles } from '../helpers/published.ts';

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const popular = (page: Page) => page.locator('[data-popular] a').evaluateAll((links) => links.map((a) => a.getAttribute('data-slug')));

/** Stores page views through the tracking API, as readers' browsers send them. */
async function view(slug: string, locale: string, times: number) {
  for (let i = 0; i < times; i++) {
    const res = await server.kb.app.request('/api/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': DESKTOP_UA, 'x-forwarded-for': `203.0.113.${i + 1}` },
      body: JSON.stringify({ type: 'view', pv: `pv-${slug}-${locale}-${i}`, path: `/articles/${slug}`, article: slug, locale }),
    });
    expect(res.status).toBe(202);
  }
}

describe('popular articles', () => {
  it('follow the views in the database, promoted first, per locale, without a rebuild', async () => {
    const page = await (await humanContext(browser)).newPage();
    await page.goto(`${server.url}/`);
    const before = await popular(page);
    expect(before).toHaveLength(6);
    expect(before[0]).toBe('set-up-your-studio'); // promoted: true
    // With no views yet the rest are the most recently updated.
    expect(before).not.toContain('compare-plans');

    await view('compare-plans', 'en', 3);
    await view('emails-not-arriving', 'en', 2);
    await view('reset-your-password', 'ru', 5); // Russian views rank Russian articles only
    await page.reload();
    expect((await popular(page)).slice(0, 3)).toEqual(['set-up-your-studio', 'compare-plans', 'emails-not-arriving']);
    expect(await popular(page)).not.toContain('reset-your-password');

    await page.goto(`${server.url}/ru/`);
    expect((await popular(page))[0]).toBe('reset-your-password');
    expect(await page.locator('[data-popular] a').first().getAttribute('href')).toBe('/ru/articles/reset-your-password');
    await page.context().close();
  });
});

describe('drafts', () => {
  it('answer 404 in the browser', async () => {
    const page = await (await humanContext(browser)).newPage();
    const drafts = contentArticles().filter((a) => a.draft);
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) {
      const res = await page.goto(server.url + d.path);
      expect(res?.status(), d.path).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Page not found');
    }
    await page.context().close();
  });
});

describe('a topic without articles in the reader\'s language', () => {
  it('is never a dead end: the Persian page lists the English articles, marked English, and each opens', async () => {
    const page = await (await humanContext(browser)).newPage();
    await page.goto(`${server.url}/fa/`);
    const card = page.locator('.card', { hasText: 'رزروها و تقویم' });
    expect(await card.locator('[lang="en"]').textContent()).toBe('English');
    await card.click();
    await page.waitForURL('**/fa/categories/bookings-and-calendar');
    expect(await page.locator('[data-untranslated]').textContent()).toContain('انگلیسی');
    const links = page.locator('.list li[lang="en"] a');
    expect(await links.count()).toBeGreaterThanOrEqual(6);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      expect(href).toMatch(/^\/articles\//);
      expect((await fetch(server.url + href)).status, href).toBe(200);
    }
    await links.first().click();
    await page.waitForURL('**/articles/**');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.context().close();
  });

  it('leads the language switcher of an untranslated article to the English one, saying so', async () => {
    const page = await (await humanContext(browser)).newPage();
    await page.goto(`${server.url}/fa/articles/reset-your-password`);
    await page.locator('[data-lang-switcher] summary').click();
    const ms = page.locator('[data-lang-switcher] a[lang="ms"]');
    expect(await ms.getAttribute('href')).toBe('/ms/articles/reset-your-password');
    await page.goto(`${server.url}/articles/invite-staff-members`);
    await page.locator('[data-lang-switcher] summary').click();
    const fa = page.locator('[data-lang-switcher] a[lang="fa"]');
    expect(await fa.getAttribute('href')).toBe('/articles/invite-staff-members');
    expect(await fa.textContent()).toContain('not translated');
    await page.context().close();
  });
});

describe('on a phone', () => {
  it('opens "On this page" from a closed disclosure at 390 px', async () => {
    const context = await browser.newContext({ userAgent: DESKTOP_UA, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/articles/set-up-your-studio`);
    const toc = page.locator('[data-toc]');
    expect(await page.locator('aside .toc').isVisible()).toBe(false);
    expect(await toc.isVisible()).toBe(true);
    const first = toc.getByRole('link').first();
    expect(await first.isVisible()).toBe(false);
    await toc.locator('summary').click();
    expect(await first.isVisible()).toBe(true);
    await first.click();
    expect(new URL(page.url()).hash).toBe('#create-your-account');
    await context.close();
  });

  it('keeps the wide-screen list and hides the disclosure at 1280 px', async () => {
    const page = await (await humanContext(browser)).newPage();
    await page.goto(`${server.url}/articles/set-up-your-studio`);
    expect(await page.locator('aside .toc').isVisible()).toBe(true);
    expect(await page.locator('[data-toc]').isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('printing an article', () => {
  it('leaves out header, footer, vote and contact call to action, and prints where links go', async () => {
    const page = await (await humanContext(browser)).newPage();
    await page.goto(`${server.url}/articles/set-up-your-studio`);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['header.site-header', 'footer.site-footer', '[data-vote]', '.cta', '.toc', '[data-toc]']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.locator('article h1').isVisible()).toBe(true);
    const after = await page.locator('.prose a[href^="/"]').first().evaluate((a) => [getComputedStyle(a, '::after').content, a.getAttribute('href')]);
    expect(after[0]).toBe(`" (${after[1]})"`);
    await page.context().close();
  });
});
