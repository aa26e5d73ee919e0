import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { humanContext, launchBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { storedEvents, waitForEvents, type EventRow } from '../helpers/stored.ts';
import { dbOf } from '../helpers/db.ts';
import { startEmbedSite, type EmbedSite } from '../helpers/embed-site.ts';

// A page of another site embedding the snippet, on an origin of its own: /kb.js and /api/events are the real server's.
// The site's own pages are covered in tracker-site.test.ts.
const embedPage = (kb: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="kb:article" content="embedded-guide"><title>Embedded</title>
<script src="${kb}/kb.js" data-api="${kb}/api/events" data-contact-url="/contact" defer></script></head>
<body><h1>Guide</h1><div style="height:4000px">Long text</div>
<a id="help" href="/help/contact">Talk to us</a> <button id="cta" data-kb-contact>Contact support</button>
<form id="form" data-kb-contact-form onsubmit="event.preventDefault()"><button>Send</button></form>
<p id="end">End</p></body></html>`;

const hide = (page: Page) =>
  page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
const show = (page: Page) =>
  page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('tracker on an embedding page (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let embed: EmbedSite;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    embed = await startEmbedSite('/embed', embedPage(server.url));
  });
  afterAll(async () => {
    await browser?.close();
    await embed?.close();
    await server?.stop();
  });

  /** A fresh context and the embed page, with the view already stored; returns the page view's id. */
  async function open(setup?: (ctx: BrowserContext) => Promise<void>) {
    const context = await humanContext(browser);
    await setup?.(context);
    const page = await context.newPage();
    await page.goto(embed.url);
    // The first view not yet taken, of this page only: a page a test navigated to may have stored a view of its own.
    const ours = (r: EventRow) => r.type === 'view' && r.path === '/embed' && !seen.has(r.pv);
    const [view] = await waitForEvents(dbOf(server.kb), (rows) => rows.filter(ours));
    seen.add(view!.pv);
    return { context, page, pv: view!.pv as string, view: view! };
  }
  const seen = new Set<unknown>();
  const readsOf = (pv: string) => storedEvents(dbOf(server.kb), 'read').filter((r) => r.pv === pv);
  const maxSeconds = (rows: EventRow[]) => Math.max(...rows.map((r) => Number(r.seconds)));

  it('records a view with the page, locale and article', async () => {
    const { context, view } = await open();
    expect(view).toMatchObject({ path: '/embed', locale: 'en', article: 'embedded-guide' });
    expect(String(view.pv)).toMatch(/^[0-9a-f]{24}$/);
    await context.close();
  });

  it('records about six engaged seconds after six visible seconds once the page is hidden', async () => {
    const { context, page, pv } = await open();
    await sleep(6000);
    await hide(page);
    const reads = await waitForEvents(dbOf(server.kb), () => readsOf(pv));
    expect(maxSeconds(reads)).toBeGreaterThanOrEqual(4);
    expect(maxSeconds(reads)).toBeLessThanOrEqual(8);
    await context.close();
  });

  it('does not count time while the tab is hidden', async () => {
    const { context, page, pv } = await open();
    await sleep(2000);
    await hide(page);
    await sleep(5000);
    await show(page);
    await sleep(2000);
    await page.close({ runBeforeUnload: true });
    await sleep(500);
    const reads = await waitForEvents(dbOf(server.kb), () => readsOf(pv).filter((r) => Number(r.seconds) >= 3));
    expect(maxSeconds(reads)).toBeLessThanOrEqual(6);
    await context.close();
  });

  it('records a scroll depth of at least 90 after scrolling to the end', async () => {
    const { context, page, pv } = await open();
    await page.mouse.move(100, 100);
    await page.locator('#end').scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 5000);
    await sleep(1200);
    await page.close({ runBeforeUnload: true });
    const reads = await waitForEvents(dbOf(server.kb), () => readsOf(pv).filter((r) => Number(r.scroll) >= 90));
    expect(reads.length).toBeGreaterThan(0);
    await context.close();
  });

  it('records contact from a data-kb-contact element, a link to the contact URL, and a contact form', async () => {
    const { context, page, pv } = await open();
    await page.click('#cta');
    await page.click('#form button');
    await page.click('#help');
    const contacts = await waitForEvents(dbOf(server.kb), (rows) => {
      const mine = rows.filter((r) => r.type === 'contact' && r.pv === pv);
      return mine.length >= 3 && mine;
    });
    expect(contacts.map((r) => r.via).sort()).toEqual(['cta', 'cta', 'form']);
    expect(contacts[0]).toMatchObject({ article: 'embedded-guide', attributed_article: 'embedded-guide' });
    await context.close();
  });

  it('forwards kb:track events from page scripts with the page view fields added', async () => {
    const { context, page, pv } = await open();
    await page.evaluate(() => {
      const track = (detail: object) => document.dispatchEvent(new CustomEvent('kb:track', { detail }));
      track({ type: 'vote', helpful: false });
      track({ type: 'vote', helpful: false, comment: 'Needs an example' });
      track({ type: 'suggest_click', article: 'refunds', position: 2 });
    });
    const rows = await waitForEvents(dbOf(server.kb), (all) => {
      const mine = all.filter((r) => r.pv === pv && r.type !== 'view' && r.type !== 'read');
      return mine.length >= 3 && mine;
    });
    expect(rows.find((r) => r.comment)).toMatchObject({ type: 'vote', helpful: 0, comment: 'Needs an example', article: 'embedded-guide', locale: 'en' });
    expect(rows.find((r) => r.type === 'suggest_click')).toMatchObject({ article: 'refunds', position: 2 });
    await context.close();
  });

  it.each([
    ['Global Privacy Control', () => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })],
    ['Do Not Track', () => Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' })],
  ])('sends nothing with %s on', async (_name, script) => {
    // The previous test's page may still be delivering its last beacon (a read on pagehide): count once it has landed.
    let before = -1;
    for (let now = storedEvents(dbOf(server.kb)).length; now !== before; now = storedEvents(dbOf(server.kb)).length) {
      before = now;
      await sleep(700);
    }
    const context = await humanContext(browser);
    await context.addInitScript(script);
    const page = await context.newPage();
    await page.goto(embed.url);
    await page.click('#cta');
    await page.evaluate(() => document.dispatchEvent(new CustomEvent('kb:track', { detail: { type: 'vote', helpful: true } })));
    await sleep(1500);
    await page.close({ runBeforeUnload: true });
    await sleep(1000);
    expect(storedEvents(dbOf(server.kb)).length).toBe(before);
    await context.close();
  });
});
