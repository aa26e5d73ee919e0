/** Builds the site when its sources are newer than the last build, so `npm start` works on a fresh clone. */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The build reads site/ and content/, and what site/ imports: api/ and, through it, db/ (the store re-exports the
// importer's errors and profiles), so the server bundle carries its own copy of that code.
const SOURCES = ['site', 'content', 'api', 'db', 'astro.config.mjs', 'package-lock.json'];

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

/**
 * Runs `astro build` in this process and stamps the output. Always a production build: Vite takes the mode from
 * NODE_ENV, and under the test runner (NODE_ENV=test) it would otherwise compile `import.meta.env.DEV` as true.
 */
export async function buildSite(root: string, distDir: string): Promise<void> {
  const { build } = await import('astro');
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  writeFileSync(join(distDir, '.built'), new Date().toISOString());
}
