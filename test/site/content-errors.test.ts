import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;

/** A copy of the project's site with the test fixtures as content, where one file can be broken. */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kb-content-'));
  for (const path of ['site', 'api', 'db', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(root, path), join(dir, path), { recursive: true });
  cpSync(join(root, 'test/fixtures/content'), join(dir, 'content'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
});
afterAll(async () => {
  // astro sync saves its content store on a short timer: let it write before its folder goes (an ENOENT otherwise).
  await new Promise((resolve) => setTimeout(resolve, 1500));
  rmSync(dir, { recursive: true, force: true });
});

async function syncError(): Promise<string> {
  const { sync } = await import('astro');
  try {
    await sync({ root: dir, logLevel: 'silent' });
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  return '';
}

function edit(file: string, from: RegExp, to: string) {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  writeFileSync(path, before.replace(from, to));
  return () => writeFileSync(path, before);
}

describe('content errors', () => {
  it('fails with the file and the field when a front matter field is wrong', async () => {
    const restore = edit('content/articles/en/billing/refund-a-booking.md', /updated: .*/, 'updated: last tuesday');
    const message = await syncError();
    restore();
    expect(message).toContain('content/articles/en/billing/refund-a-booking.md');
    expect(message).toMatch(/updated\W+must be a date written YYYY-MM-DD/);
  });

  it('fails with the file and the field when a required field is missing', async () => {
    const restore = edit('content/articles/en/billing/download-invoices.md', /description: .*\n/, '');
    const message = await syncError();
    restore();
    expect(message).toContain('content/articles/en/billing/download-invoices.md');
    expect(message).toMatch(/description\W+must be text/);
  });
});
