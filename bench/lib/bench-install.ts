/** Installs a bench-only project (bench/<name>/package.json and its lockfile) into bench/tmp/<name>, once per lockfile. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Returns the installed folder; runs `npm ci` there (needs the npm registry) when the lockfile changed. */
export function benchInstall(name: string): string {
  const dir = join(root, 'bench/tmp', name);
  const lock = readFileSync(join(root, 'bench', name, 'package-lock.json'), 'utf8');
  const current = existsSync(join(dir, 'node_modules/.package-lock.json')) && existsSync(join(dir, 'package-lock.json')) && readFileSync(join(dir, 'package-lock.json'), 'utf8') === lock;
  if (current) return dir;
  mkdirSync(dir, { recursive: true });
  for (const f of ['package.json', 'package-lock.json']) cpSync(join(root, 'bench', name, f), join(dir, f));
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, encoding: 'utf8' });
  if (npm.status !== 0) throw new Error(`npm ci of bench/${name} failed:\n${npm.stderr}`);
  return dir;
}
