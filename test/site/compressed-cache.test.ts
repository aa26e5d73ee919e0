import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCompressedCache, writeCompressedCache, type Compressed } from '../../site/integrations/compressed-cache.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kb-pack-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = (text: string): Compressed => ({ gz: Buffer.from(`gz:${text}`), br: Buffer.from(`br:${text}`) });
const entries = (prefix: string, n: number) => new Map(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, entry(`${prefix}${i}`.repeat(50 + i))]));
const texts = (cache: Map<string, Compressed>) => [...cache].map(([k, c]) => [k, Buffer.from(c.gz).toString(), Buffer.from(c.br).toString()]);

describe('the build compression cache', () => {
  it('reads back exactly what was written', async () => {
    const written = entries('page-', 20);
    await writeCompressedCache(dir, written);
    expect(texts(await readCompressedCache(dir))).toEqual(texts(written));
  });

  it('holds one whole build when two builds write at once, never a mix of both', async () => {
    const a = entries('a-', 400);
    const b = entries('b-', 300);
    await Promise.all([writeCompressedCache(dir, a), writeCompressedCache(dir, b)]);
    const read = texts(await readCompressedCache(dir));
    expect([texts(a), texts(b)]).toContainEqual(read);
  });

  it('removes the temporary pack a killed build left, and keeps one a running build is writing', async () => {
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.once('exit', resolve));
    const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      writeFileSync(join(dir, `compressed.pack.${dead.pid}.0a1b2c3d.tmp`), 'half a pack');
      writeFileSync(join(dir, `compressed.pack.${alive.pid}.4e5f6071.tmp`), 'being written');
      await writeCompressedCache(dir, entries('page-', 3));
      expect(readdirSync(dir).sort()).toEqual(['compressed.pack', `compressed.pack.${alive.pid}.4e5f6071.tmp`]);
    } finally {
      alive.kill();
    }
  });
});
