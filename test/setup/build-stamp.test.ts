import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { needsBuild } from '../../bin/build-site.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A project with one source file and a finished build that started at `startedAt`. */
function project(startedAt: number, sourceMtime: number): { root: string; dist: string } {
  root = mkdtempSync(join(tmpdir(), 'kb-stamp-'));
  const dist = join(root, 'dist');
  mkdirSync(join(root, 'content'), { recursive: true });
  mkdirSync(join(dist, 'server'), { recursive: true });
  writeFileSync(join(root, 'content', 'a.md'), 'x');
  utimesSync(join(root, 'content', 'a.md'), sourceMtime / 1000, sourceMtime / 1000);
  utimesSync(join(root, 'content'), sourceMtime / 1000, sourceMtime / 1000);
  writeFileSync(join(dist, 'server', 'entry.mjs'), '');
  writeFileSync(join(dist, '.built'), JSON.stringify({ startedAt, finishedAt: startedAt + 1000 }));
  return { root, dist };
}

describe('needsBuild', () => {
  it('is false right after a build, whichever command wrote the stamp', () => {
    const p = project(Date.now(), Date.now() - 60_000);
    expect(needsBuild(p.root, p.dist)).toBe(false);
  });

  it('is true when a source changed after the build started', () => {
    const p = project(Date.now() - 60_000, Date.now());
    expect(needsBuild(p.root, p.dist)).toBe(true);
  });

  it('is true without a stamp or with an unreadable one', () => {
    const p = project(Date.now(), Date.now() - 60_000);
    writeFileSync(join(p.dist, '.built'), '2026-11-30T10:00:00.000Z');
    expect(needsBuild(p.root, p.dist)).toBe(true);
    rmSync(join(p.dist, '.built'));
    expect(needsBuild(p.root, p.dist)).toBe(true);
  });
});
