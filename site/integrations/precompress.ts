/**
 * Writes .gz and .br beside every text file of the build, so sirv serves them without compressing per request.
 * Compressed bytes are cached by the content's hash (in Astro's cache folder), so a file that did not change
 * since an earlier build is copied, not compressed again; files are compressed a few at a time on zlib's threads.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';

const gz = promisify(gzip);
const br = promisify(brotliCompress);
const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|txt|xml)$/;
// Below this, compression saves less than the extra round of headers costs.
const MIN_BYTES = 512;
// Bumped when the settings below change, so cached bytes made with other settings are not reused.
const SETTINGS = 'gzip9-br11-v1';

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.test(entry.name)) yield path;
  }
}

export interface PrecompressResult {
  /** Files given .gz and .br beside them. */
  files: number;
  /** Of those, how many had to be compressed (the rest came from the cache). */
  compressed: number;
}

/** Written to a temporary name and renamed, so a build killed midway never leaves half a cached file. */
async function writeAtomic(path: string, data: Uint8Array): Promise<void> {
  await writeFile(`${path}.tmp`, data);
  await rename(`${path}.tmp`, path);
}

async function compressOne(file: string, cacheDir: string | undefined, used: Set<string>): Promise<'cached' | 'compressed' | 'small'> {
  if ((await stat(file)).size < MIN_BYTES) return 'small';
  const data = await readFile(file);
  const hash = createHash('sha256').update(SETTINGS).update(data).digest('hex');
  used.add(hash);
  const key = cacheDir && join(cacheDir, hash);
  if (key) {
    const hit = await Promise.all([copyFile(`${key}.gz`, `${file}.gz`), copyFile(`${key}.br`, `${file}.br`)]).then(() => true, () => false);
    if (hit) return 'cached';
  }
  const [g, b] = await Promise.all([
    gz(data, { level: 9 }),
    br(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
  ]);
  await Promise.all([writeFile(`${file}.gz`, g), writeFile(`${file}.br`, b)]);
  if (key) await Promise.all([writeAtomic(`${key}.gz`, g), writeAtomic(`${key}.br`, b)]);
  return 'compressed';
}

/** Compresses every eligible file under `dir`, reusing `cacheDir`'s bytes for content seen before. */
export async function precompressDir(dir: string, cacheDir?: string): Promise<PrecompressResult> {
  if (cacheDir) await mkdir(cacheDir, { recursive: true });
  const queue: string[] = [];
  for await (const file of files(dir)) queue.push(file);
  const result: PrecompressResult = { files: 0, compressed: 0 };
  const used = new Set<string>();
  // zlib runs each call on the libuv pool: keep every core busy, not one file at a time.
  const workers = Math.max(2, availableParallelism());
  let next = 0;
  const work = async () => {
    while (next < queue.length) {
      const outcome = await compressOne(queue[next++]!, cacheDir, used);
      if (outcome !== 'small') result.files++;
      if (outcome === 'compressed') result.compressed++;
    }
  };
  await Promise.all(Array.from({ length: workers }, work));
  // The cache holds the last build's files only, so it never outgrows one copy of the compressed site.
  if (cacheDir) {
    for (const name of await readdir(cacheDir)) if (!used.has(name.replace(/\.(gz|br)(\.tmp)?$/, ''))) await rm(join(cacheDir, name), { force: true });
  }
  return result;
}

export function precompress(): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'kb:precompress',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'kb-precompress');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { files: count, compressed } = await precompressDir(fileURLToPath(dir), cacheDir);
        logger.info(`precompressed ${count} files (gzip, brotli): ${compressed} compressed, ${count - compressed} unchanged from the cache`);
      },
    },
  };
}
