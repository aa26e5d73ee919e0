import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { DESKTOP_UA, humanContext, launchBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { startReceiver, type Receiver } from '../helpers/receivers.ts';
import { waitForEvents } from '../helpers/stored.ts';
import { contactRequests } from '../../db/schema/index.ts';
import { dbOf } from '../helpers/db.ts';

const ARTICLE = 'change-your-email-address';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the contact page in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
    [server, browser] = await Promise.all([
      startServer({ KB_WEBHOOK_URL: receiver.url, KB_WEBHOOK_SECRET: 'browser-test-secret' }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await receiver?.close();
  });

  it('suggests matching articles while typing, records shown and opened suggestions, and confirms the submitted form', async () => {
    const context = await humanContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/articles/${ARTICLE}`);
    await page.locator('a[data-kb-contact]').first().click();
    await page.waitForURL(/\/contact\?from=/);
    await expect.poll(() => page.locator('.from-article').textContent()).toContain('You were reading: Change your email address');

    await page.fill('#contact-email', 'ana@example.com');
    await page.locator('#contact-subject').pressSequentially('How do I change my login email', { delay: 20 });
    const suggestions = page.locator('[data-suggest-list] a');
    await suggestions.first().waitFor({ state: 'visible' });
    const titles = await suggestions.locator('.title').allTextContents();
    expect(titles).toContain('Change your email address');
    const shown = await waitForEvents(dbOf(server.kb), (rows) => rows.filter((r) => r.type === 'suggest_shown'));
    expect(shown[0]).toMatchObject({ query: 'How do I change my login email', path: '/contact' });
    expect(Number(shown[0]!.results)).toBeGreaterThan(0);

    // Opening a suggestion is recorded with its slug and position, then the customer comes back.
    const position = titles.indexOf('Change your email address') + 1;
    await suggestions.nth(position - 1).click();
    await page.waitForURL(/\/articles\/change-your-email-address/);
    const [click] = await waitForEvents(dbOf(server.kb), (rows) => rows.filter((r) => r.type === 'suggest_click'));
    expect(click).toMatchObject({ article: ARTICLE, position });
    await page.goBack();
    await page.waitForURL(/\/contact/);

    await page.fill('#contact-email', 'ana@example.com');
    await page.fill('#contact-subject', 'Login email still old');
    await page.fill('#contact-message', 'I changed my email but the old one still receives the login codes.');
    await sleep(3100); // the form refuses posts made within 3 s of rendering
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/contact\/sent\?ref=KB-\w{5}$/);
    expect(await page.locator('h1').textContent()).toBe('Thanks, your request was sent');
    const reference = await page.locator('.reference-code').textContent();
    expect(await page.locator('[data-reference]').textContent()).toContain(`Your reference: ${reference}`);

    const [contact] = await waitForEvents(dbOf(server.kb), (rows) => rows.filter((r) => r.type === 'contact' && r.via === 'form'));
    expect(contact).toMatchObject({ path: '/contact' });
    const [request] = dbOf(server.kb).select().from(contactRequests).all();
    expect(request).toMatchObject({ subject: 'Login email still old', fromArticle: ARTICLE, locale: 'en' });
    expect(request!.viewedArticles).toContain(ARTICLE);
    await server.kb.outbox.idle();
    await expect.poll(() => receiver.requests.length).toBe(1);
    expect(JSON.parse(receiver.requests[0]!.body)).toMatchObject({ subject: 'Login email still old', fromArticle: { slug: ARTICLE }, reference });
    await context.close();
  });

  it('works without JavaScript: a rejected post comes back with the text kept and the error summary focused, then a post goes through', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, userAgent: DESKTOP_UA });
    const page = await context.newPage();
    await page.goto(`${server.url}/ru/contact`);
    expect(await page.locator('[data-contact-suggest]').isHidden()).toBe(true);
    await page.fill('#contact-email', 'ivan@example.com');
    await page.fill('#contact-subject', 'Счёт');
    await page.fill('#contact-message', 'Где найти счёт за март?');
    await page.click('button[type="submit"]'); // under 3 s: refused as too fast
    await page.waitForLoadState();
    expect(await page.locator('#contact-errors').textContent()).toContain('Слишком быстро');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contact-errors');
    expect(await page.inputValue('#contact-message')).toBe('Где найти счёт за март?');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');

    await sleep(3100);
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/ru\/contact\/sent\?ref=KB-\w{5}$/);
    expect(await page.locator('h1').textContent()).toBe('Спасибо, ваш запрос отправлен');
    expect(await page.locator('[data-reference]').textContent()).toMatch(/Номер обращения: KB-\w{5}/);
    const stored = dbOf(server.kb).select().from(contactRequests).all().filter((r) => r.locale === 'ru');
    expect(stored.map((r) => r.subject)).toEqual(['Счёт']);
    await context.close();
  });

  it('shows each field problem next to its field, linked with aria-describedby, and passes axe', async () => {
    const context = await humanContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/contact`);
    // Spaces pass the browser's own "required" check; the server trims them and says the subject is missing.
    await page.fill('#contact-email', 'ana@example.com');
    await page.fill('#contact-subject', '   ');
    await page.fill('#contact-message', 'A question');
    await sleep(3100);
    await page.click('button[type="submit"]');
    await page.locator('#contact-subject-error').waitFor({ state: 'visible' });
    expect(await page.locator('#contact-subject-error').textContent()).toBe('Subject is required.');
    expect(await page.getAttribute('#contact-subject', 'aria-describedby')).toContain('contact-subject-error');
    expect(await page.getAttribute('#contact-subject', 'aria-invalid')).toBe('true');
    expect(await page.locator('#contact-errors a').getAttribute('href')).toBe('#contact-subject');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contact-errors');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    await context.close();
  });
});
