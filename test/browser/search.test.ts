import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
  // Record what page scripts hand to the tracker, across page loads of the tab.
  await context.addInitScript(() => {
    document.addEventListener('kb:track', (e) => {
      const list = JSON.parse(sessionStorage.getItem('kbEvents') ?? '[]') as unknown[];
      list.push((e as CustomEvent).detail);
      sessionStorage.setItem('kbEvents', JSON.stringify(list));
    });
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const events = (page: Page) =>
  page.evaluate(() => JSON.parse(sessionStorage.getItem('kbEvents') ?? '[]') as Record<string, unknown>[]);

async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('search as you type', () => {
  it('shows matching articles while typing, without loading a page, and opens the chosen one', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    await page.getByRole('combobox', { name: 'Search the help center' }).pressSequentially('reset passw', { delay: 40 });
    const option = page.getByRole('option', { name: /Reset your password/ });
    await option.waitFor();
    expect(navigations).toBe(0);
    expect(await page.locator('[role="option"] mark').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    await option.click();
    await page.waitForURL('**/articles/reset-your-password');
    await expect(page.locator('h1').textContent()).resolves.toContain('password');
    await page.close();
  });

  it('is keyboard navigable and reports the settled search and the opened position', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const box = page.getByRole('combobox', { name: 'Search the help center' });
    await box.pressSequentially('google calendar', { delay: 30 });
    await page.getByRole('option').first().waitFor();
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
    // The search settles after a second without typing.
    await page.waitForFunction(() => (sessionStorage.getItem('kbEvents') ?? '').includes('"search"'));
    const [search] = (await events(page)).filter((e) => e.type === 'search');
    expect(search).toMatchObject({ type: 'search', query: 'google calendar' });
    expect(search!.results).toBeGreaterThan(0);

    await box.press('ArrowDown');
    await box.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    await expect(page.locator(`#${active}`).getAttribute('aria-selected')).resolves.toBe('true');
    const href = await page.locator(`#${active}`).getAttribute('data-href');
    expect(href).toMatch(/^\/articles\//);
    await box.press('Enter');
    await page.waitForURL(`**${href}`);
    const click = (await events(page)).find((e) => e.type === 'search_click');
    expect(click).toEqual({ type: 'search_click', query: 'google calendar', position: 2 });
    await page.close();
  });

  /** Types "invoice" on the home page, presses Enter, waits for the results page; returns the searches reported. */
  async function submitInvoice(page: Page) {
    await page.goto(`${server.url}/`);
    const box = page.getByRole('combobox', { name: 'Search the help center' });
    await box.fill('invoice');
    await box.press('Enter');
    await page.waitForURL('**/search?q=invoice');
    await page.getByRole('link', { name: /invoices/i }).first().waitFor();
    return (await events(page)).filter((e) => e.type === 'search');
  }

  it('submits to the server-rendered results page and reports the search once', async () => {
    const page = await context.newPage();
    const searches = await submitInvoice(page);
    expect(searches).toHaveLength(1);
    expect(searches[0]).toMatchObject({ query: 'invoice' });
    expect(searches[0]!.results).toBeGreaterThan(0);
    await page.close();
  });

  it('reports a search submitted before its answer came, when the answer is slow', async () => {
    const page = await context.newPage();
    // Slower than the typing pause: the suggestions' request starts while the submit still waits for its answer.
    await page.route('**/api/search?**', async (route) => {
      await new Promise((r) => setTimeout(r, 600));
      await route.continue();
    });
    const searches = await submitInvoice(page);
    expect(searches).toHaveLength(1);
    expect(searches[0]).toMatchObject({ query: 'invoice' });
    await page.close();
  });
});

describe('votes', () => {
  it('reports Yes, and after No an optional comment', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/articles/reset-your-password`);
    await page.getByRole('button', { name: 'No' }).click();
    const comment = page.getByRole('textbox', { name: 'What was missing?' });
    await expect(comment.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await comment.fill('Nothing about SSO accounts');
    await page.getByRole('button', { name: 'Send' }).click();
    expect(await events(page)).toEqual([
      { type: 'vote', helpful: false },
      { type: 'vote', helpful: false, comment: 'Nothing about SSO accounts' },
    ]);
    await page.close();
  });
});

describe('accessibility', () => {
  for (const path of ['/', '/articles/reset-your-password', '/search?q=refund', '/search?q=zzzqqq', '/categories/billing-and-plans']) {
    it(`axe finds no WCAG A/AA violations on ${path}`, async () => {
      const page = await context.newPage();
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(server.url + path);
        expect(await axeViolations(page), scheme).toEqual([]);
      }
      await page.close();
    });
  }
});

describe('without JavaScript', () => {
  it('searches through the plain form', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${server.url}/`);
    // The home page's own box; the header has one too (test/browser/site-header.test.ts).
    const main = page.getByRole('main');
    await main.getByRole('searchbox').fill('refund');
    await main.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL('**/search?q=refund');
    expect(await page.locator('[data-search-results] li').count()).toBeGreaterThan(0);
    await noJs.close();
  });
});
