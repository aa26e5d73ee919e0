/**
 * Writes .gz and .br beside every text file of the build, so sirv serves them without compressing per request.
 * Bytes of content the last build compressed come from the cache (compressed-cache.ts), so an unchanged file is never
 * compressed again.
 *
 * Brotli's level: 11 for Vite's hashed bundles (/_astro/), which a browser keeps for a year and which change
 * rarely, and 5 for pages and the rest. For pages, 11 costs 30 times the CPU for 13% fewer bytes (3.0 against
 * 3.5 KB for an article, both well inside the first round trip of a connection): 3.7 s of CPU in a 12 s cold build
 * of the 303 Arduino articles (bench/results/site-aims.md).
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { readCompressedCache, writeCompressedCache, type Compressed } from './compressed-cache.ts';

const gz = promisify(gzip);
const br = promisify(brotliCompress);
const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|txt|xml)$/;
// Below this, compression saves less than the extra round of headers costs.
const MIN_BYTES = 512;
const BROTLI_ASSETS = 11;
const BROTLI_PAGES = 5;
const GZIP = 9;

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
  /** Of those, how many had to be compressed in this build (the rest came from the cache). */
  compressed: number;
  /** By content key, the compressed bytes every file now has: the next build's cache. */
  kept: Map<string, Compressed>;
}

async function compress(data: Uint8Array, brotli: number): Promise<Compressed> {
  const [g, b] = await Promise.all([
    gz(data, { level: GZIP }),
    br(data, { params: { [constants.BROTLI_PARAM_QUALITY]: brotli, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
  ]);
  return { gz: g, br: b };
}

/** Compresses every eligible file under `dir`, taking the bytes from `cache` (by content key) where it has them. */
export async function precompressDir(dir: string, cache: ReadonlyMap<string, Compressed> = new Map()): Promise<PrecompressResult> {
  const queue: string[] = [];
  for await (const file of files(dir)) queue.push(file);
  const result: PrecompressResult = { files: 0, compressed: 0, kept: new Map() };
  const one = async (file: string) => {
    const data = await readFile(file);
    if (data.length < MIN_BYTES) return;
    const brotli = relative(dir, file).startsWith(`_astro${sep}`) ? BROTLI_ASSETS : BROTLI_PAGES;
    // The key covers the settings too, so bytes made with other settings are never taken for these.
    const key = createHash('sha256').update(`gzip${GZIP}-br${brotli}\n`).update(data).digest('hex');
    const cached = cache.get(key);
    const bytes = cached ?? (await compress(data, brotli));
    result.kept.set(key, bytes);
    result.files++;
    if (!cached) result.compressed++;
    await Promise.all([writeFile(`${file}.gz`, bytes.gz), writeFile(`${file}.br`, bytes.br)]);
  };
  // File reads, writes and zlib all run on libuv's pool: keep it busy rather than one file at a time.
  const workers = Math.max(4, availableParallelism() * 2);
  let next = 0;
  await Promise.all(Array.from({ length: workers }, async () => {
    while (next < queue.length) await one(queue[next++]!);
  }));
  return result;
}

export function precompress(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'kb:precompress',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'kb-compressed');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { files: count, compressed, kept } = await precompressDir(fileURLToPath(dir), await readCompressedCache(cacheDir));
        await writeCompressedCache(cacheDir, kept);
        // Releases before the single cache file kept a pair of files per compressed file in this folder.
        await rm(join(cacheDir, '..', 'kb-precompress'), { recursive: true, force: true });
        logger.info(`precompressed ${count} files (gzip, brotli): ${compressed} compressed, ${count - compressed} unchanged from the cache`);
      },
    },
  };
}
