import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { DESKTOP_UA, launchBrowser } from '../helpers/browser.ts';
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

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// Every page type a customer meets, in a left-to-right and a right-to-left locale.
const PAGES = [
  '/',
  '/fa/',
  '/categories/billing-and-plans',
  '/fa/categories/bookings-and-calendar', // untranslated topic: English articles on a Persian page
  '/articles/set-up-your-studio',
  '/fa/articles/reset-your-password',
  '/search?q=refund',
  '/search?q=zzzqqq',
  '/contact',
  '/contact/sent?ref=KB-7F3Q2',
  '/no-such-page',
];

describe('axe', () => {
  for (const width of [1280, 390]) {
    it(`finds no violations on any page type, light and dark, at ${width} px`, async () => {
      const context = await browser.newContext({ userAgent: DESKTOP_UA, viewport: { width, height: 900 } });
      const page = await context.newPage();
      const found: string[] = [];
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const path of PAGES) {
          await page.goto(server.url + path);
          found.push(...(await violations(page)).map((v) => `${scheme} ${path} ${v}`));
        }
      }
      expect(found).toEqual([]);
      await context.close();
    }, 120_000);
  }
});
