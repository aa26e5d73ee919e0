/** Bundles and minifies the tracker (site/tracker/kb.ts) for browsers; used by the Astro integration and tests. */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./kb.ts', import.meta.url));

/** The minified script served as /kb.js. */
export async function buildTracker(): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    write: false,
    legalComments: 'none',
  });
  return out.outputFiles[0]!.text;
}
