/** Debian's Chromium through playwright-core, with the flags this machine needs (../shared/BROWSER-NOTES.md). */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const DESKTOP_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** A context with a normal desktop user agent: the headless one is on bot lists and its events are dropped. */
export function humanContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ userAgent: DESKTOP_UA, viewport: { width: 1280, height: 900 } });
}
