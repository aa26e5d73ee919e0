import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { hasInstallScript?: boolean; dev?: boolean; optional?: boolean }>;
};

/** What npm records after installing a package from this lockfile: an explicit install script, or a binding.gyp it would build. */
function npmSeesInstallScript(dir: string): boolean {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const s = pkg.scripts ?? {};
  // npm's rebuild step does not see `gypfile: false` on a package loaded from the lockfile, so binding.gyp alone counts.
  return Boolean(s.preinstall || s.install || s.postinstall) || existsSync(join(dir, 'binding.gyp'));
}

describe('a fresh npm install', () => {
  it('leaves package-lock.json as it is committed (hasInstallScript matches what npm writes)', () => {
    const wrong = Object.entries(lock.packages)
      .filter(([path]) => path.startsWith('node_modules/') && existsSync(join(root, path, 'package.json')))
      .filter(([path, entry]) => npmSeesInstallScript(join(root, path)) !== (entry.hasInstallScript === true))
      .map(([path]) => path);
    expect(wrong).toEqual([]);
  });

  it('prints errors only: EBADENGINE warnings judge the Node running npm, not Node 24 that runs the project', () => {
    const npmrc = readFileSync(join(root, '.npmrc'), 'utf8');
    expect(npmrc).toMatch(/^loglevel=error$/m);
    const node = lock.packages['node_modules/node'] as { version?: string } | undefined;
    expect(node?.version).toMatch(/^24\./);
  });
});
