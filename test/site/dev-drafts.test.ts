/** `npm run dev` (astro dev) shows a draft with its banner, where a production build leaves it out (test/site/seo.test.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { projectCopy, removeCopy } from '../helpers/project-copy.ts';

let dir: string;
let dev: ChildProcess;
let url: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** The environment a writer's shell has: without vitest's own variables, which make Vite's dev server behave as under test. */
function devEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(k)));
}

beforeAll(async () => {
  dir = projectCopy('kb-dev-drafts-');
  writeFileSync(
    join(dir, 'content/articles/en/billing/tax-receipts.md'),
    '---\ntitle: Tax receipts for your clients\ndescription: Send clients a receipt that shows tax.\ncategory: billing\nupdated: 2026-02-03\ndraft: true\n---\nTurn on **Tax receipts** in Settings.\n',
  );
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  dev = spawn(process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: dir,
    env: { ...devEnv(), KB_DB: join(dir, 'kb.sqlite'), ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  dev.stdout!.on('data', (d) => (log += d));
  dev.stderr!.on('data', (d) => (log += d));
  // Ready once it answers; a dev server that exits first fails the test with its log.
  for (let i = 0; ; i++) {
    if (dev.exitCode !== null) throw new Error(`astro dev exited:\n${log}`);
    if (await fetch(url + '/categories/billing').then((r) => r.ok, () => false)) break;
    if (i > 240) throw new Error(`astro dev did not answer within 120 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}, 180_000);

afterAll(async () => {
  if (dev && dev.exitCode === null) {
    const exited = new Promise((r) => dev.once('exit', r));
    dev.kill('SIGTERM');
    await exited;
  }
  if (dir) await removeCopy(dir);
});

describe('a draft under npm run dev', () => {
  it('is shown with a banner saying the live site leaves it out, and kept out of indexes', async () => {
    const res = await fetch(url + '/articles/tax-receipts');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Tax receipts for your clients</h1>');
    expect(html).toMatch(/<p class="notice draft-banner" role="note" data-draft[^>]*>Draft: only npm run dev shows this article/);
    expect(html).toMatch(/<meta name="robots" content="noindex/);
  }, 60_000);

  it('is listed in its category while writing, where the published articles show no banner', async () => {
    expect(await (await fetch(url + '/categories/billing')).text()).toContain('Tax receipts for your clients');
    expect(await (await fetch(url + '/articles/download-invoices')).text()).not.toContain('data-draft');
  }, 60_000);
});
