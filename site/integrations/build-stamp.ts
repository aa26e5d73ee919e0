/** Writes dist/.built when `astro build` finishes, whoever ran it (npm run build, npm start, the tests), so none rebuilds a fresh build. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The stamp's name inside the build folder, and what it holds. */
export const STAMP_FILE = '.built';
export interface BuildStamp {
  /** When the build started (epoch ms): a source saved after this may not be in the build. */
  startedAt: number;
  finishedAt: number;
  /** The site URL (KB_SITE_URL) the pages' absolute links were written with. */
  siteUrl: string | undefined;
}

/** Must be the last integration: its build:done runs after the others have written their files. */
export function buildStamp(): AstroIntegration {
  let startedAt = Date.now();
  let siteUrl: string | undefined;
  return {
    name: 'kb:build-stamp',
    hooks: {
      'astro:config:done': ({ config }) => {
        siteUrl = config.site;
      },
      'astro:build:start': () => {
        startedAt = Date.now();
      },
      'astro:build:done': ({ dir }) => {
        // dir is dist/client; the stamp sits beside client/ and server/.
        const stamp: BuildStamp = { startedAt, finishedAt: Date.now(), siteUrl };
        writeFileSync(join(fileURLToPath(dir), '..', STAMP_FILE), `${JSON.stringify(stamp)}\n`);
      },
    },
  };
}
