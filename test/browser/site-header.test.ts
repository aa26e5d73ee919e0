import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP_UA, humanContext, launchBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

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

const ARTICLE = '/articles/set-up-your-studio';

describe('the header search box', () => {
  it('is in the header of every page type', async () => {
    for (const path of ['/', '/fa/', '/categories/billing-and-plans', ARTICLE, '/ru/articles/reset-your-password', '/search?q=refund', '/contact', '/contact/sent', '/no-such-page']) {
      const html = await (await fetch(server.url + path)).text();
      const header = html.slice(html.indexOf('<header'), html.indexOf('</header>'));
      expect(header, path).toMatch(/<form[^>]*role="search"[^>]*>/);
      expect(header, path).toContain('name="q"');
      // Enter submits it; no submit button of its own comes before the page's (the contact form's, the vote's).
      expect(header, path).not.toContain('type="submit"');
    }
  });

  it('suggests articles as you type on an article page, after `/` focused it, and opens the chosen one', async () => {
    const context = await humanContext(browser);
    const page = await context.newPage();
    await page.goto(server.url + ARTICLE);
    await page.locator('body').press('/');
    const box = page.getByRole('combobox', { name: 'Search articles' });
    await expect(box.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('reset passw', { delay: 30 });
    const option = page.getByRole('option', { name: /Reset your password/ });
    await option.waitFor();
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL('**/articles/reset-your-password');
    await context.close();
  });

  it('does not steal `/` typed into a field', async () => {
    const context = await humanContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/contact`);
    await page.fill('#contact-subject', '');
    await page.locator('#contact-subject').pressSequentially('a/b');
    expect(await page.inputValue('#contact-subject')).toBe('a/b');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contact-subject');
    await context.close();
  });

  it('works without JavaScript: a plain form to the locale\'s /search', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, userAgent: DESKTOP_UA });
    const page = await context.newPage();
    await page.goto(`${server.url}/fa/articles/reset-your-password`);
    const header = page.locator('header');
    expect(await header.locator('kbd').isHidden()).toBe(true); // the `/` hint needs the script
    await header.getByRole('searchbox').fill('رمز');
    await header.getByRole('searchbox').press('Enter'); // one field: Enter submits, no button needed
    await page.waitForURL(`**/fa/search?q=${encodeURIComponent('رمز')}`);
    expect(await page.locator('[data-search-results] a').count()).toBeGreaterThan(0);
    await context.close();
  });
});
