/**
 * The last build's compressed bytes, by content key, kept in Astro's cache folder as ONE file (an index and the
 * bytes after it), read and written whole: writing a pair of small files per compressed file took 1.6 s of a cold
 * build on this kind of machine, ten times what brotli 5 costs (bench/results/site-aims.md). Written to a temporary
 * name and renamed, so a build killed midway leaves the previous cache; a file that cannot be read as one is ignored
 * (the next build compresses everything).
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { processExists } from '../../db/shared/temp-files.ts';

/** A file's bytes compressed both ways. */
export interface Compressed {
  gz: Uint8Array;
  br: Uint8Array;
}

const FILE = 'compressed.pack';
// The pack's own layout; content keys already change with the compression settings.
const FORMAT = 'kb-pack-1';

interface Header {
  format: string;
  /** Key, gzip length, brotli length, in the order their bytes follow the header. */
  entries: [string, number, number][];
}

export async function readCompressedCache(cacheDir: string): Promise<Map<string, Compressed>> {
  const cache = new Map<string, Compressed>();
  const pack = await readFile(join(cacheDir, FILE)).catch(() => undefined);
  if (!pack || pack.length < 4) return cache;
  try {
    const headerLength = pack.readUInt32LE(0);
    const header = JSON.parse(pack.subarray(4, 4 + headerLength).toString('utf8')) as Header;
    if (header.format !== FORMAT) return cache;
    let at = 4 + headerLength;
    for (const [key, gzLength, brLength] of header.entries) {
      const gz = pack.subarray(at, (at += gzLength));
      const br = pack.subarray(at, (at += brLength));
      cache.set(key, { gz, br });
    }
    return at === pack.length ? cache : new Map();
  } catch {
    return new Map();
  }
}

/** Replaces the cache with exactly `entries`, so it never outgrows one copy of the compressed site. */
export async function writeCompressedCache(cacheDir: string, entries: ReadonlyMap<string, Compressed>): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const header: Header = { format: FORMAT, entries: [...entries].map(([key, c]) => [key, c.gz.length, c.br.length]) };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  const path = join(cacheDir, FILE);
  // One per writer (process id, so a killed build's file can be told from a running one's): two builds at once must not
  // write into one file and rename a mix of both.
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, [length, headerBytes, ...[...entries.values()].flatMap((c) => [c.gz, c.br])]);
  await rename(temporary, path);
  await removeAbandoned(cacheDir);
}

/** Temporary packs of builds killed before their rename (their process is gone), which nothing would read again. */
async function removeAbandoned(cacheDir: string): Promise<void> {
  for (const name of await readdir(cacheDir)) {
    const pid = /^compressed\.pack\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name)?.[1];
    if (pid && !processExists(Number(pid))) await rm(join(cacheDir, name), { force: true });
  }
}
