/** Builds the site when its sources are newer than the last build, so `npm start` works on a fresh clone. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { STAMP_FILE, type BuildStamp } from '../site/integrations/build-stamp.ts';

// Everything the build reads: pages and content, and the api/ and db/ code that on-demand pages bundle.
const SOURCES = ['site', 'content', 'api', 'db', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function readStamp(distDir: string): BuildStamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(join(distDir, STAMP_FILE), 'utf8')) as Partial<BuildStamp>;
    return typeof stamp.startedAt === 'number' && typeof stamp.finishedAt === 'number' ? (stamp as BuildStamp) : undefined;
  } catch {
    return undefined;
  }
}

/** True when dist/ holds no finished build, or a source changed after that build started. */
export function needsBuild(root: string, distDir: string): boolean {
  const stamp = readStamp(distDir);
  if (!stamp || !existsSync(join(distDir, 'server', 'entry.mjs'))) return true;
  return SOURCES.some((s) => newestMtime(join(root, s)) > stamp.startedAt);
}

/** Runs `astro build` in this process; the kb:build-stamp integration stamps the output, as it does for `npm run build`. */
export async function buildSite(root: string): Promise<void> {
  const { build } = await import('astro');
  await build({ root, logLevel: 'warn' });
}
