/** Honest zero results in the real built site: partial results say what is missing, support is one click away, reports count it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { DESKTOP_UA, humanContext, launchBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { storedEvents, waitForEvents } from '../helpers/stored.ts';
import { dbOf, tempDb } from '../helpers/db.ts';
import { createRuntime } from '../../api/runtime.ts';
import { createServer } from '../../api/server.ts';
import { loadSearchDir } from '../../api/search/service.ts';
import type { SearchReport } from '../../db/shared/reports.ts';

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

describe('a search no article fully answers', () => {
  it('shows "Missing: apple" and the contact call to action with the query, as you type and on /search; the report counts a zero-result search', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const box = page.getByRole('combobox', { name: 'Search the help center' });
    await box.pressSequentially('apple pay', { delay: 30 });
    const contactOption = page.getByRole('option', { name: 'Contact support about “apple pay”' });
    await contactOption.waitFor();
    await expect(page.locator('[role="option"] .missing').first().textContent()).resolves.toBe('Missing: apple');
    // The search settles with no full match: reported as zero results, whatever partials were shown.
    const [search] = await waitForEvents(dbOf(server.kb), (rows) => rows.filter((r) => r.type === 'search' && r.query === 'apple pay'));
    expect(search!.results).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const res = await server.kb.app.request(`/api/reports/search?from=${today}&to=${today}`, { headers: { authorization: `Bearer ${server.kb.admin.token}` } });
    const report = (await res.json()) as SearchReport;
    expect(report.zeroResultQueries.map((q) => q.query)).toContain('apple pay');

    await box.press('Enter');
    await page.waitForURL('**/search?q=apple+pay');
    await page.getByText('No articles match “apple pay”.').waitFor();
    const partial = page.locator('[data-search-results] li');
    expect(await partial.count()).toBeGreaterThan(0);
    for (const text of await page.locator('[data-search-results] .item-missing').allTextContents()) expect(text).toBe('Missing: apple');
    const cta = page.getByRole('link', { name: 'Contact support about “apple pay”' });
    await expect(cta.getAttribute('href')).resolves.toBe('/contact?q=apple%20pay');

    await cta.click();
    await page.waitForURL('**/contact?q=apple%20pay');
    await expect(page.getByLabel('Subject').inputValue()).resolves.toBe('apple pay');
    await page.close();
  });

  it('works without JavaScript: partial results, missing words and the contact link', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${server.url}/search?q=apple+pay`);
    expect(await page.locator('.item-missing').first().textContent()).toBe('Missing: apple');
    await expect(page.getByRole('link', { name: 'Contact support about “apple pay”' }).count()).resolves.toBe(1);
    await noJs.close();
  });

  it('suggests nothing on the contact form for stray words ("two weeks"), and at most three articles for a real subject', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/contact`);
    const subject = page.getByLabel('Subject');
    await subject.fill('refund');
    await page.locator('[data-suggest-list] a').first().waitFor();
    expect(await page.locator('[data-suggest-list] a').count()).toBeLessThanOrEqual(3);
    await subject.fill('two weeks');
    await page.waitForFunction(() => document.querySelectorAll('[data-suggest-list] a').length === 0);
    const stored = storedEvents(dbOf(server.kb), 'suggest_shown').map((e) => e.query);
    expect(stored).not.toContain('two weeks');
    await page.close();
  });
});

describe('a search only one or two articles fully answer', () => {
  it('shows after them the articles that lack one word, marked with it, as you type and on /search; the count stays the full matches', async () => {
    const query = 'client card declined refund';
    const answer = server.kb.search.search(query, 'en', 6);
    expect(answer.total).toBeGreaterThan(0);
    expect(answer.partial.map((p) => p.slug)).toContain('refund-a-client-payment');
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const box = page.getByRole('combobox', { name: 'Search the help center' });
    await box.pressSequentially(query, { delay: 20 });
    const near = page.getByRole('option', { name: /Refund a client payment/ });
    await near.waitFor();
    await expect(near.locator('.missing').textContent()).resolves.toBe('Missing: card declined');
    // Full matches come first and carry no missing words.
    const options = page.locator('[role="option"][data-position]');
    expect(await options.nth(0).locator('.missing').count()).toBe(0);
    expect(await page.locator('[role="option"]', { hasText: 'Contact support' }).count()).toBe(0);

    await page.goto(`${server.url}/search?q=${encodeURIComponent(query)}`);
    await page.getByText('These articles lack one of your words:').waitFor();
    const lists = page.locator('[data-search-results]');
    await expect(lists.count()).resolves.toBe(2);
    expect(await lists.nth(0).locator('li').count()).toBe(answer.total);
    expect(await lists.nth(0).locator('.item-missing').count()).toBe(0);
    await expect(lists.nth(1).locator('a').first().getAttribute('data-position')).resolves.toBe(String(answer.total + 1));
    expect(await lists.nth(1).locator('.item-missing').allTextContents()).toContain('Missing: card declined');
    await page.close();
  });
});

describe('the suggestion list on a phone', () => {
  it('shows every option whole at 390 px: the contact option of a zero-result search fits, and a longer list ends on a whole option', async () => {
    const phone = await browser.newContext({ userAgent: DESKTOP_UA, viewport: { width: 390, height: 700 } });
    const page = await phone.newPage();
    // Each option lies either wholly inside the list's visible box or wholly below it (reached by scrolling).
    const cut = () =>
      page.locator('[role="listbox"]:not([hidden])').evaluate((list) => {
        const box = list.getBoundingClientRect();
        const bottom = box.top + list.clientTop + list.clientHeight;
        return [...list.children]
          .map((li) => li.getBoundingClientRect())
          .filter((r) => r.top < bottom && r.bottom > bottom + 0.5).length;
      });
    await page.goto(`${server.url}/`);
    const box = page.getByRole('combobox', { name: 'Search the help center' });
    await box.pressSequentially('apple pay', { delay: 20 });
    const contact = page.getByRole('option', { name: 'Contact support about “apple pay”' });
    await contact.waitFor();
    await expect(cut()).resolves.toBe(0);
    const listBottom = await page.locator('[role="listbox"]:not([hidden])').evaluate((l) => l.getBoundingClientRect().top + l.clientTop + l.clientHeight);
    const contactBox = (await contact.boundingBox())!;
    expect(contactBox.y + contactBox.height).toBeLessThanOrEqual(listBottom + 0.5);

    await box.fill('');
    await box.pressSequentially('refund', { delay: 20 });
    await page.getByRole('option', { name: /See all results for “refund”/ }).waitFor({ state: 'attached' });
    await expect(cut()).resolves.toBe(0);
    await phone.close();
  });
});

describe('synonyms', () => {
  it('a line added to content/synonyms/en.yml finds its article after a build', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    expect(server.kb.search.search('passphrase', 'en').total).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'kb-synonym-build-'));
    try {
      for (const path of ['site', 'api', 'db', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(root, path), join(dir, path), { recursive: true });
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
      const file = join(dir, 'content/synonyms/en.yml');
      appendFileSync(file, `${readFileSync(file, 'utf8').endsWith('\n') ? '' : '\n'}- passphrase -> password\n`);
      const { build } = await import('astro');
      await build({ root: dir, logLevel: 'error' });

      const temp = tempDb();
      const kb = await createRuntime(temp.config, { search: loadSearchDir(join(dir, 'dist/search')) });
      const http = await createServer({ app: kb.app, distDir: join(dir, 'dist'), locals: { kb } });
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
      try {
        const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
        const page = await context.newPage();
        await page.goto(`${url}/search?q=passphrase`);
        await expect(page.locator('[data-search-results] .item-title').first().textContent()).resolves.toBe('Reset your password');
        await page.close();
      } finally {
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
        await kb.close();
        temp.cleanup();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
