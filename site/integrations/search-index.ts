/** Moves the per-locale search indexes the build wrote to dist/client/search-index into dist/search, out of public reach. */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Where the server loads indexes from, given the build's client folder. */
export function searchDirFor(clientDir: string): string {
  return join(dirname(clientDir), 'search');
}

export function searchIndex(): AstroIntegration {
  return {
    name: 'kb:search-index',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const clientDir = fileURLToPath(dir);
        const from = join(clientDir, 'search-index');
        if (!existsSync(from)) throw new Error('The build wrote no search index (site/pages/search-index/[locale].json.ts).');
        const to = searchDirFor(clientDir);
        rmSync(to, { recursive: true, force: true });
        mkdirSync(to, { recursive: true });
        const files = readdirSync(from).filter((f) => f.endsWith('.json'));
        for (const file of files) renameSync(join(from, file), join(to, file));
        rmSync(from, { recursive: true, force: true });
        logger.info(`${files.length} search indexes in ${to}`);
      },
    },
  };
}
