import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { projectCopy, removeCopy } from '../helpers/project-copy.ts';

let dir: string;

beforeAll(() => {
  dir = projectCopy('kb-incremental-');
});
afterAll(() => removeCopy(dir));

/** `astro build` in its own process, as `npm run build` runs it; returns its log without colours (CI=true turns them on). */
function build(): string {
  const r = spawnSync(process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  return stripVTControlCharacters(r.stdout + r.stderr);
}

const page = (path: string) => join(dir, 'dist/client', path, 'index.html');

/** Files of the built site whose .br or .gz does not unpack to exactly their bytes (what a browser would be sent). */
function staleCompressed(): string[] {
  const client = join(dir, 'dist/client');
  const wrong: string[] = [];
  for (const name of readdirSync(client, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.br')) continue;
    const file = join(client, name.slice(0, -3));
    const bytes = read(file);
    if (!brotliDecompressSync(read(`${file}.br`)).equals(bytes) || !gunzipSync(read(`${file}.gz`)).equals(bytes)) wrong.push(name);
  }
  return wrong;
}
const read = (file: string) => readFileSync(file);

describe('a rebuild after one article changed', () => {
  it('renders and compresses again only the pages that show it', () => {
    build();
    // What is sent compressed is the page as written, in a cold build and after the change below (the compressed
    // bytes of unchanged pages come from the cache).
    expect(staleCompressed()).toEqual([]);
    const untouched = page('articles/set-up-your-studio');
    const before = { html: read(untouched), br: read(`${untouched}.br`), gz: read(`${untouched}.gz`) };

    const file = join(dir, 'content/articles/en/billing/download-invoices.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Download and print your invoices'));
    const log = build();
    console.log(log.split('\n').filter((l) => /index\.html|precompressed|Completed/.test(l)).join('\n'));

    // The changed article, its category's list and the article that lists it as related show the new title.
    expect(readFileSync(page('articles/download-invoices'), 'utf8')).toContain('<h1>Download and print your invoices</h1>');
    expect(readFileSync(page('categories/billing'), 'utf8')).toContain('Download and print your invoices');
    expect(readFileSync(page('articles/refund-a-booking'), 'utf8')).toContain('Download and print your invoices');
    // An article that shows nothing of it was copied from the last build (Astro empties dist/ and restores it
    // from its cache), and its compressed files came from ours: same bytes, nothing rendered or compressed.
    expect(log).toMatch(/articles\/set-up-your-studio\/index\.html \((cached|restored)\)/);
    expect({ html: read(untouched), br: read(`${untouched}.br`), gz: read(`${untouched}.gz`) }).toEqual(before);
    const rendered = log.match(/[├└]─ \S+ \(\+\d+ms\)/g) ?? [];
    expect(rendered.filter((l) => /\/(articles|categories)\//.test(l)).map((l) => l.split(' ')[1]).sort()).toEqual([
      '/articles/download-invoices/index.html',
      '/articles/refund-a-booking/index.html',
      '/categories/billing/index.html',
    ]);
    expect(staleCompressed()).toEqual([]);
    const pc = /precompressed (\d+) files \(gzip, brotli\): (\d+) compressed/.exec(log);
    expect(Number(pc![2])).toBeLessThanOrEqual(rendered.length);
  }, 240_000);
});

describe('a damaged compression cache', () => {
  it('is ignored: the next build compresses every file again, correctly', () => {
    const pack = join(dir, 'node_modules/.astro/kb-compressed/compressed.pack');
    writeFileSync(pack, readFileSync(pack).subarray(0, 1000));
    const pc = /precompressed (\d+) files \(gzip, brotli\): (\d+) compressed/.exec(build());
    expect(Number(pc![2])).toBe(Number(pc![1]));
    expect(staleCompressed()).toEqual([]);
  }, 240_000);
});
