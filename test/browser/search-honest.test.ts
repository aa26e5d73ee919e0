/** Honest zero results in the real built site: partial results say what is missing, support is one click away, reports count it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { humanContext, launchBrowser } from '../helpers/browser.ts';
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
