/** The dashboard in Chromium: visitor text stays text, and the charts draw from demo data without console errors. */
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { DESKTOP_UA, humanContext, launchBrowser } from '../helpers/browser.ts';
import { generateDemo } from '../../bin/demo/generate.ts';
import { searchTotalOf } from '../../bin/demo/search.ts';
import { dbOf } from '../helpers/db.ts';

const XSS = '<img src=x onerror=alert(1)>';
const contentDir = fileURLToPath(new URL('../../content', import.meta.url));
const shots = join(tmpdir(), 'kb-dashboard-shots');

let s: RunningServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  s = await startServer({ KB_ADMIN_TOKEN: 'browser-test-token-0123456789' });
  await generateDemo(s.kb.store, s.kb.config, { contentDir, days: 90, seed: 11, sessionsPerDay: 60, ticketsPerDay: 20, searchTotal: searchTotalOf(s.kb.search) });
  // The hostile query arrives the way a visitor's would: through the public events endpoint.
  const res = await fetch(`${s.url}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': DESKTOP_UA },
    body: JSON.stringify({ events: [{ type: 'search', pv: 'xss-test-pv', path: '/search', locale: 'en', query: XSS, results: 0 }] }),
  });
  expect(res.status).toBe(202);
  browser = await launchBrowser();
  context = await humanContext(browser);
  await context.addCookies([{ name: 'kb_admin', value: (await s.kb.sessions.open()).cookie, url: s.url }]);
  mkdirSync(shots, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await s?.stop();
});

/** Opens a page, collecting console errors, page errors and dialogs (a dialog means a script ran). */
async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  const res = await page.goto(`${s.url}${path}`, { waitUntil: 'networkidle' });
  expect(res?.status()).toBe(200);
  return { page, problems };
}

describe('dashboard in the browser', () => {
  it('shows a stored search query with markup as text and runs nothing', async () => {
    // The query arrived today; presets end yesterday, so ask for today.
    const today = DateTime.now().setZone(s.kb.config.timeZone).toISODate();
    const { page, problems } = await open(`/admin/search?from=${today}&to=${today}`);
    const cell = page.locator('td.q', { hasText: XSS }).first();
    await expect(cell.textContent()).resolves.toBe(XSS);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each(['/admin', '/admin/search', '/admin/tickets', '/admin/articles/cancel-your-subscription'])('%s draws its charts from demo data without errors', async (path) => {
    const { page, problems } = await open(path);
    const canvases = page.locator('.chart canvas');
    expect(await canvases.count()).toBeGreaterThan(0);
    for (const box of await Promise.all((await canvases.all()).map((c) => c.boundingBox()))) {
      expect(box!.width).toBeGreaterThan(200);
      expect(box!.height).toBeGreaterThan(100);
    }
    // Axis labels with units are part of the drawing.
    expect(await page.locator('.u-axis').count()).toBeGreaterThan(1);
    await page.screenshot({ path: join(shots, `${path.replace(/\W+/g, '_')}.png`), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lists articles worst first with their flags and sorts by a column without JavaScript', async () => {
    const { page, problems } = await open('/admin/articles?days=90');
    const firstFlags = await page.locator('tbody tr').first().locator('.badge').allTextContents();
    expect(firstFlags.some((f) => f !== 'ok')).toBe(true);
    await page.locator('thead').getByRole('link', { name: 'Views', exact: true }).click();
    await page.waitForURL(/sort=views&dir=desc/);
    const views = (await page.locator('tbody tr td:nth-child(2)').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    expect(views).toEqual([...views].sort((a, b) => b - a));
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each(['/admin', '/admin/articles', '/admin/tickets', '/admin/import'])('%s has no serious accessibility problems (axe, WCAG 2.2 AA)', async (path) => {
    const { page } = await open(path);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag22aa']).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    await page.close();
  });
});
