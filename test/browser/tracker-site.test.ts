import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { humanContext, launchBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { storedEvents, waitForEvents, type EventRow } from '../helpers/stored.ts';
import { dbOf } from '../helpers/db.ts';

const ARTICLE = 'add-a-vat-or-tax-id';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const hide = (page: Page) =>
  page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });

describe('tracking on the built help center (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Opens a page in a fresh human context and returns it with its stored view. */
  async function open(path: string) {
    const context = await humanContext(browser);
    const page = await context.newPage();
    const known = new Set(storedEvents(dbOf(server.kb), 'view').map((r) => r.pv));
    await page.goto(`${server.url}${path}`);
    const [view] = await waitForEvents(dbOf(server.kb), (rows) => rows.filter((r) => r.type === 'view' && !known.has(r.pv)));
    return { context, page, view: view!, pv: view!.pv as string };
  }
  const mine = (pv: string, type: string) => storedEvents(dbOf(server.kb), type).filter((r) => r.pv === pv);

  it('records a view of an article with its slug and locale', async () => {
    const { context, view } = await open(`/articles/${ARTICLE}`);
    expect(view).toMatchObject({ article: ARTICLE, locale: 'en', path: `/articles/${ARTICLE}` });
    await context.close();
  });

  it('records about six engaged seconds and a scroll to the end of an article once it is hidden', async () => {
    const { context, page, pv } = await open(`/articles/${ARTICLE}`);
    await sleep(5000);
    await page.mouse.move(200, 200);
    await page.mouse.wheel(0, 20_000);
    await sleep(1000);
    await hide(page);
    const [read] = await waitForEvents(dbOf(server.kb), () => mine(pv, 'read'));
    expect(Number(read!.seconds)).toBeGreaterThanOrEqual(4);
    expect(Number(read!.seconds)).toBeLessThanOrEqual(8);
    expect(Number(read!.scroll)).toBeGreaterThanOrEqual(90);
    await context.close();
  });

  it('records a "No" vote and the comment that follows it', async () => {
    const { context, page, pv } = await open(`/articles/${ARTICLE}`);
    await page.getByRole('button', { name: 'No', exact: true }).click();
    await page.locator('textarea[name="comment"]').fill('The screenshots are out of date');
    await page.locator('form[data-vote-comment] button[type="submit"]').click();
    const votes = await waitForEvents(dbOf(server.kb), () => {
      const rows = mine(pv, 'vote');
      return rows.length >= 2 && rows;
    });
    expect(votes.map((v) => [v.helpful, v.comment, v.article])).toEqual([
      [0, null, ARTICLE],
      [0, 'The screenshots are out of date', ARTICLE],
    ]);
    await context.close();
  });

  it('records "Contact support" on an article, attributed to that article', async () => {
    const { context, page, pv } = await open(`/articles/${ARTICLE}`);
    await page.locator('a[data-kb-contact]').first().click();
    const [contact] = await waitForEvents(dbOf(server.kb), () => mine(pv, 'contact'));
    expect(contact).toMatchObject({ via: 'cta', article: ARTICLE, attributed_article: ARTICLE });
    await context.close();
  });

  it('records one search for a typed word, then the result opened, and marks the search clicked', async () => {
    const { context, page, pv } = await open('/');
    const input = page.locator('form[data-search] input[name="q"]').first();
    await input.click();
    await input.pressSequentially('invoice', { delay: 120 });
    await page.locator('[role="option"][data-position="1"]').first().waitFor();
    await sleep(1500);
    const searches = mine(pv, 'search');
    expect(searches.map((s) => s.query)).toEqual(['invoice']);
    expect(Number(searches[0]!.results)).toBeGreaterThan(0);

    await page.locator('[role="option"][data-position="1"]').first().click();
    const [click] = await waitForEvents(dbOf(server.kb), () => mine(pv, 'search_click'));
    expect(click).toMatchObject({ query: 'invoice', position: 1 });
    await page.waitForURL(/\/articles\//);
    await waitForEvents(dbOf(server.kb), () => mine(pv, 'search').filter((s: EventRow) => s.clicked === 1));
    expect(mine(pv, 'search')).toHaveLength(1);
    await context.close();
  });

  it('records a click on a result of the /search page', async () => {
    const { context, page, pv } = await open('/search?q=invoice');
    await page.locator('[data-search-results] a[data-position="2"]').click();
    const [click] = await waitForEvents(dbOf(server.kb), () => mine(pv, 'search_click'));
    expect(click).toMatchObject({ position: 2 });
    await context.close();
  });

  it('records nothing from a visitor with Global Privacy Control on', async () => {
    const before = storedEvents(dbOf(server.kb)).length;
    const context = await humanContext(browser);
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    );
    const page = await context.newPage();
    await page.goto(`${server.url}/articles/${ARTICLE}`);
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await sleep(1500);
    await page.close({ runBeforeUnload: true });
    await sleep(1000);
    expect(storedEvents(dbOf(server.kb)).length).toBe(before);
    await context.close();
  });
});
