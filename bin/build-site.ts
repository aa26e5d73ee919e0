/** Builds the site when its sources are newer than the last build, so `npm start` works on a fresh clone. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { STAMP_FILE, type BuildStamp } from '../site/integrations/build-stamp.ts';

// The build reads site/ and content/, and what site/ imports: api/ and, through it, db/ (the store re-exports the
// importer's errors and profiles), so the server bundle carries its own copy of that code.
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

/** Why dist/ must be built again before serving, or undefined when the last build is current. */
export function buildReason(root: string, distDir: string, { siteUrl }: { siteUrl?: string } = {}): string | undefined {
  const stamp = readStamp(distDir);
  if (!stamp || !existsSync(join(distDir, 'server', 'entry.mjs'))) return 'no finished build yet';
  const changed = SOURCES.find((s) => newestMtime(join(root, s)) > stamp.startedAt);
  if (changed) return `${changed} changed since the last build`;
  // Pages carry absolute URLs (canonical, hreflang, Open Graph) written with the build's KB_SITE_URL.
  if (siteUrl !== undefined && stamp.siteUrl !== undefined && sameSite(stamp.siteUrl) !== sameSite(siteUrl)) {
    return `KB_SITE_URL is ${siteUrl}, the pages were built for ${stamp.siteUrl}`;
  }
  return undefined;
}

const sameSite = (url: string) => new URL(url).origin;

/** True when dist/ holds no finished build, a source changed after that build started, or it was built for another site URL. */
export function needsBuild(root: string, distDir: string, options: { siteUrl?: string } = {}): boolean {
  return buildReason(root, distDir, options) !== undefined;
}

/** Runs `astro build` in this process; the kb:build-stamp integration stamps the output, as it does for `npm run build`. */
export async function buildSite(root: string): Promise<void> {
  const { build } = await import('astro');
  // Vite derives import.meta.env.DEV/PROD from NODE_ENV, which vitest sets to `test`: the suite's build must be
  // the production build users run (cached catalog, no dev-only paths), so the build sees `production`.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
