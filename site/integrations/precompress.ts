/** Writes .gz and .br beside every text asset of the build, so sirv serves them without compressing per request. */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
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

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.test(entry.name)) yield path;
  }
}

/** Compresses every eligible file under `dir`; returns how many were written. */
export async function precompressDir(dir: string): Promise<number> {
  let count = 0;
  for await (const file of files(dir)) {
    if ((await stat(file)).size < MIN_BYTES) continue;
    const data = await readFile(file);
    const [g, b] = await Promise.all([
      gz(data, { level: 9 }),
      br(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
    ]);
    await Promise.all([writeFile(`${file}.gz`, g), writeFile(`${file}.br`, b)]);
    count++;
  }
  return count;
}

export function precompress(): AstroIntegration {
  return {
    name: 'kb:precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const count = await precompressDir(fileURLToPath(dir));
        logger.info(`precompressed ${count} files (gzip, brotli)`);
      },
    },
  };
}
