import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectCopy, removeCopy } from '../helpers/project-copy.ts';
import { loadCatalog } from '../../api/content/read-catalog.ts';

let dir: string;

/** A copy of the project's site with the test fixtures as content, where one file can be broken. */
beforeAll(() => {
  dir = projectCopy('kb-content-');
});
afterAll(() => removeCopy(dir));

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

  it('fails with the file and the YAML mistake when the front matter is not YAML, and reports name the same file', async () => {
    const file = 'content/articles/en/billing/refund-a-booking.md';
    const restore = edit(file, /title: .*/, 'title: "Refund: a booking');
    const message = await syncError();
    const catalog = await loadCatalog(join(dir, 'content'), { git: false });
    restore();
    expect(message).toContain(`${file}: bad front matter`);
    // The site and the reports read content through one reader: they name the same file for the same mistake.
    expect(catalog.problems.join('\n')).toContain(`${file}: bad front matter`);
  });

  it('fails naming the file and where articles belong when an article sits outside a category folder', async () => {
    mkdirSync(join(dir, 'content/articles/en'), { recursive: true });
    writeFileSync(join(dir, 'content/articles/en/stray.md'), '---\ntitle: Stray article\n---\nText.\n');
    const message = await syncError();
    rmSync(join(dir, 'content/articles/en/stray.md'));
    expect(message).toContain('content/articles/en/stray.md: articles live in content/articles/<locale>/<category>/<slug>.md');
  });
});

