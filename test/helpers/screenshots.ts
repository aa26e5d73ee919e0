/** `npx tsx test/helpers/screenshots.ts [outDir] [path...]`: light and dark screenshots of built pages, for a person to look at. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, humanContext } from './browser.ts';
import { startServer } from './server.ts';

const [outDir = 'test-results/screenshots', ...paths] = process.argv.slice(2);
const pages = paths.length
  ? paths
  : ['/', '/categories/getting-started', '/articles/set-up-your-studio', '/search?q=refund', '/search?q=xylophonezzz', '/nope'];

mkdirSync(outDir, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
try {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await humanContext(browser);
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of pages) {
      await page.goto(server.url + path);
      const name = path.replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_|_$/g, '') || 'home';
      await page.screenshot({ path: join(outDir, `${name}-${scheme}.png`), fullPage: true });
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`screenshots in ${outDir}`);
