/** Builds the site when its sources are newer than the last build, so `npm start` works on a fresh clone. */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The build reads site/ and content/, and what site/ imports: api/ (the search index builder) and db/shared/.
const SOURCES = ['site', 'content', 'api', 'db/shared', 'astro.config.mjs', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/ is missing or older than any source file. */
export function needsBuild(root: string, distDir: string): boolean {
  const stamp = join(distDir, '.built');
  if (!existsSync(stamp) || !existsSync(join(distDir, 'server', 'entry.mjs'))) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(root, s)) > built);
}

/** Runs `astro build` in this process and stamps the output. */
export async function buildSite(root: string, distDir: string): Promise<void> {
  const { build } = await import('astro');
  await build({ root, logLevel: 'warn' });
  writeFileSync(join(distDir, '.built'), new Date().toISOString());
}
