/**
 * Every admin page on the demo in Chromium: each KPI card, column heading and chart links to a definition that
 * exists; the contacts page shows what customers wrote; nothing is wider than a 390 px phone; screenshots of every
 * page at 1280 and 390 px, light and dark, for a person to look at (test-results/screenshots/admin/).
 */
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { DESKTOP_UA, launchBrowser } from '../helpers/browser.ts';
import { searchTotalOf } from '../../bin/demo/search.ts';
import { generateDemo } from '../../bin/demo/generate.ts';

const contentDir = fileURLToPath(new URL('../../content', import.meta.url));
const shots = fileURLToPath(new URL('../../test-results/screenshots/admin', import.meta.url));
const PAGES = [
  '/admin', '/admin/articles', '/admin/articles/cancel-your-subscription', '/admin/search', '/admin/search/query?q=gift+cards',
  '/admin/gaps', '/admin/tickets', '/admin/contacts', '/admin/import', '/admin/imports', '/admin/definitions',
];

let s: RunningServer;
let browser: Browser;
let anchors: Set<string>;

beforeAll(async () => {
  s = await startServer({ KB_ADMIN_TOKEN: 'pages-test-token-0123456789', KB_COST_PER_TICKET: '14', KB_BUSINESS_HOURS: 'Mon-Fri 09:00-17:00' });
  await generateDemo(s.kb.store, s.kb.config, { contentDir, days: 60, seed: 3, sessionsPerDay: 70, ticketsPerDay: 20, searchTotal: searchTotalOf(s.kb.search) });
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
  const page = await (await context(1280)).newPage();
  await page.goto(`${s.url}/admin/definitions`);
  anchors = new Set(await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id)));
  await page.context().close();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await s?.stop();
});

async function context(width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<BrowserContext> {
  const ctx = await browser.newContext({ userAgent: DESKTOP_UA, viewport: { width, height: 900 }, colorScheme });
  await ctx.addCookies([{ name: 'kb_admin', value: (await s.kb.sessions.open()).cookie, url: s.url }]);
  return ctx;
}

async function open(ctx: BrowserContext, path: string): Promise<Page> {
  const page = await ctx.newPage();
  const res = await page.goto(`${s.url}${path}`, { waitUntil: 'networkidle' });
  expect(res?.status(), path).toBe(200);
  return page;
}

const anchorOf = (href: string) => decodeURIComponent(href.split('#')[1] ?? '');

describe('admin pages in the browser', () => {
  it.each(PAGES)('%s: every KPI card, heading and chart links to a definition that exists', async (path) => {
    const ctx = await context(1280);
    const page = await open(ctx, path);
    const cards = page.locator('.kpi');
    for (const card of await cards.all()) {
      const href = await card.locator('a[href^="/admin/definitions#"]').first().getAttribute('href', { timeout: 1000 }).catch(() => null);
      expect(href, `${path}: KPI "${await card.locator('.label').textContent()}"`).toBeTruthy();
      expect(anchors.has(anchorOf(href!)), `${path}: ${href}`).toBe(true);
    }
    for (const th of await page.locator('thead th').all()) {
      const text = (await th.textContent())?.trim() ?? '';
      if (!text || (await th.locator('xpath=ancestor::*[contains(@class,"chart-data") or contains(@class,"u-legend")]').count()) > 0) continue;
      if ((await th.locator('xpath=ancestor::details').count()) > 0) continue; // an import's problem list: not figures
      const href = await th.locator('a[href^="/admin/definitions#"]').first().getAttribute('href', { timeout: 1000 }).catch(() => null);
      expect(href, `${path}: column "${text}"`).toBeTruthy();
      expect(anchors.has(anchorOf(href!)), `${path}: ${href}`).toBe(true);
    }
    for (const chart of await page.locator('.chart-figure').all()) {
      const hrefs = await chart.locator('.chart-defs a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.length, `${path}: a chart without definitions`).toBeGreaterThan(0);
      for (const href of hrefs) expect(anchors.has(anchorOf(href)), `${path}: ${href}`).toBe(true);
    }
    await ctx.close();
  });

  it('shows each contact request with its message and the articles read before it', async () => {
    const ctx = await context(1280);
    const page = await open(ctx, '/admin/contacts');
    const first = page.locator('#recent ~ ol .request, .requests .request').first();
    await expect(first.locator('.message').textContent()).resolves.toMatch(/\S{3,}/);
    await expect(first.locator('.read').textContent()).resolves.toMatch(/Read before writing|came from/);
    expect(await page.locator('.message[lang="ru"], .message[lang="fa"], .message[lang="ms"]').count()).toBeGreaterThan(0);
    await expect(page.locator('.notice-bad').textContent()).resolves.toContain('KB_WEBHOOK_URL and/or KB_SMTP_URL with KB_CONTACT_TO');
    await ctx.close();
  });

  it('says the ticket times count business hours', async () => {
    const ctx = await context(1280);
    const page = await open(ctx, '/admin/tickets');
    await expect(page.locator('.clock').textContent()).resolves.toContain('Business hours. Times count business hours only: Mon-Fri 09:00-17:00');
    await expect(page.locator('.verdict').textContent()).resolves.toMatch(/same as last week/i);
    await ctx.close();
  });

  it.each(PAGES)('%s fits a 390 px phone and a 900 px tablet, and is photographed at 1280, 900 and 390 px, light and dark', async (path) => {
    const name = path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '');
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [1280, 900, 390]) {
        const ctx = await context(width, scheme);
        const page = await open(ctx, path);
        await page.waitForTimeout(150); // charts draw after load
        if (width === 390) {
          const wide = await page.evaluate(() => document.documentElement.scrollWidth);
          // Name the outermost elements that stick out, so a failure says what to fix.
          const culprits = await page.evaluate(() =>
            [...document.querySelectorAll('body *')]
              .filter((e) => e.getBoundingClientRect().right > 391 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > 391))
              .slice(0, 5)
              .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${(e.textContent ?? '').trim().slice(0, 40)}"`),
          );
          expect(wide, `${path} is ${wide} px wide at 390: ${culprits.join('; ')}`).toBeLessThanOrEqual(390);
        }
        // A table that scrolls sideways inside its box fits the page but hides columns (the articles' flags, a phone's SLA).
        const scrolled = await page.evaluate(() =>
          [...document.querySelectorAll('.table-wrap')]
            .filter((e) => e.scrollWidth > e.clientWidth + 1)
            .map((e) => `${e.closest('section')?.querySelector('h2, h3')?.textContent?.trim() ?? 'a table'}: ${e.scrollWidth} px in ${e.clientWidth}`),
        );
        expect(scrolled, `${path}: tables wider than their box at ${width}`).toEqual([]);
        await page.screenshot({ path: join(shots, `${name}-${width}-${scheme}.png`), fullPage: true });
        await ctx.close();
      }
    }
  });
});
