/** Search as you type in Chromium: time from the end of the 150 ms pause to the suggestions on screen. */
import { launchBrowser, humanContext } from '../../test/helpers/browser.ts';
import { startServers } from './child.ts';
import { percentile } from './stats.ts';

const QUERIES = ['refund', 'reset password', 'google calendar', 'payout delayed', 'cancel subscription', 'invoice', 'time zone', 'two factor', 'booking page', 'no show'];

export async function typingLatency(): Promise<string> {
  const servers = await startServers();
  const browser = await launchBrowser();
  try {
    const page = await (await humanContext(browser)).newPage();
    await page.goto(`http://127.0.0.1:${servers.ports.ours}/`);
    // Note when the last keystroke landed and when the list last changed.
    await page.evaluate(() => {
      const w = window as unknown as { lastInput: number; lastRender: number };
      const input = document.querySelector('input[name="q"]')!;
      input.addEventListener('input', () => (w.lastInput = performance.now()));
      new MutationObserver(() => (w.lastRender = performance.now())).observe(document.querySelector('[role="listbox"]')!, { childList: true });
    });
    const box = page.locator('input[name="q"]').first();
    const delays: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const q of QUERIES) {
        await box.fill('');
        await page.waitForTimeout(200);
        await box.pressSequentially(q, { delay: 20 });
        await page.waitForFunction(() => {
          const w = window as unknown as { lastInput: number; lastRender: number };
          return w.lastRender > w.lastInput;
        });
        delays.push(await page.evaluate(() => {
          const w = window as unknown as { lastInput: number; lastRender: number };
          return w.lastRender - w.lastInput - 150;
        }));
      }
    }
    delays.sort((a, b) => a - b);
    return [
      '### Search as you type (Chromium)',
      '',
      `${delays.length} queries typed at 20 ms a key into the home page's search box; time from the end of the`,
      '150 ms debounce to the suggestion list changing (request to GET /api/search, JSON, rendering). Aim: within 100 ms.',
      '',
      `median **${percentile(delays, 50).toFixed(1)} ms**, p95 **${percentile(delays, 95).toFixed(1)} ms**, worst ${delays.at(-1)!.toFixed(1)} ms.`,
    ].join('\n');
  } finally {
    await browser.close();
    await servers.stop();
  }
}
