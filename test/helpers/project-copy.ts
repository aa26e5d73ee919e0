/** A throwaway copy of the project for build tests: its own content and its own Astro cache folder. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Copies the code and the test fixtures' content into a temp folder. Packages are linked one by one, so
 * node_modules/.astro (the content data store, the incremental build cache) belongs to the copy: a linked
 * node_modules folder would let the copy overwrite the repository's own cache.
 */
export function projectCopy(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const path of ['site', 'api', 'db', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) cpSync(join(root, path), join(dir, path), { recursive: true });
  cpSync(join(root, 'test/fixtures/content'), join(dir, 'content'), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules'))) if (!name.startsWith('.')) symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name));
  return dir;
}

/**
 * Removes a copy once Astro's content store has written what it still had pending: it saves 500 ms after the
 * last change, also after a sync that failed, and a save into a removed folder is an unhandled error.
 */
export async function removeCopy(dir: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1500));
  rmSync(dir, { recursive: true, force: true });
}
