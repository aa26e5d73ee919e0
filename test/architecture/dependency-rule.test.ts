/** The dependency rule of docs/architecture.md, checked on every run: an upward import or a cycle fails the suite. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const config = require(join(root, '.dependency-cruiser.cjs')) as {
  forbidden: Array<{ name: string; severity: string; from: { path?: string }; to: { path?: string; pathNot?: string; circular?: boolean } }>;
};
const LAYERS = ['bin', 'site', 'api', 'db'];

interface Violation {
  rule: { name: string; severity: string };
  from: string;
  to: string;
}

describe('the dependency rule', () => {
  it('finds no upward import and no cycle in the TypeScript of bin, site, api and db', () => {
    const cli = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs');
    const run = spawnSync(process.execPath, [cli, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...LAYERS], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.stderr, 'dependency-cruiser could not run').not.toMatch(/ERROR/);
    const out = JSON.parse(run.stdout) as { summary: { violations: Violation[]; totalCruised: number } };
    const errors = out.summary.violations.filter((v) => v.rule.severity === 'error').map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
    expect(errors).toEqual([]);
    expect(out.summary.totalCruised).toBeGreaterThan(150);
  });

  it('applies the same rules to the imports of .astro files (which dependency-cruiser does not parse)', () => {
    const files = spawnSync('git', ['ls-files', 'site/*.astro', 'site/**/*.astro'], { cwd: root, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    expect(files.length).toBeGreaterThan(40);
    const rules = config.forbidden.filter((r) => r.severity === 'error' && !r.to.circular);
    const broken: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const target = relative(root, join(root, dirname(file), m[1]!)).split('\\').join('/');
        for (const rule of rules) {
          const from = rule.from.path ? new RegExp(rule.from.path).test(file) : true;
          const to = (rule.to.path ? new RegExp(rule.to.path).test(target) : true) && !(rule.to.pathNot && new RegExp(rule.to.pathNot).test(target));
          if (from && to) broken.push(`${rule.name}: ${file} -> ${target}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
