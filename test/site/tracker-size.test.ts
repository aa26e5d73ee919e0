import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildTracker } from '../../site/tracker/build.ts';

/** SPEC 5.1: the tracker stays small so it costs pages nothing noticeable. */
const BUDGET_BYTES = 1536;

describe('tracker script', () => {
  it('is at most 1.5 KB minified and gzipped', async () => {
    const code = await buildTracker();
    const gzipped = gzipSync(code, { level: 9 }).length;
    expect(gzipped, `kb.js is ${gzipped} bytes gzipped`).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('is one self-contained script that imports nothing and touches no storage or cookies', async () => {
    const code = await buildTracker();
    expect(code).not.toMatch(/\bimport\b|\brequire\(/);
    expect(code).not.toMatch(/localStorage|sessionStorage|document\.cookie|indexedDB/);
  });
});
