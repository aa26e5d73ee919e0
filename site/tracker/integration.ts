/** Astro integration: serves the tracker at /kb.js in `astro dev` and writes it into the build output. */
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { buildTracker } from './build.ts';

export function trackerIntegration(): AstroIntegration {
  return {
    name: 'kb-tracker',
    hooks: {
      'astro:server:setup': ({ server }) => {
        // Rebuilt per request in dev so edits to site/tracker/ show up on reload (esbuild takes milliseconds).
        server.middlewares.use('/kb.js', (_req, res, next) => {
          buildTracker().then((code) => {
            res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
            res.setHeader('Cache-Control', 'no-cache');
            res.end(code);
          }, next);
        });
      },
      'astro:build:done': async ({ dir }) => {
        await writeFile(new URL('kb.js', dir), await buildTracker());
      },
    },
  };
}
