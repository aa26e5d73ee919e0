/**
 * Works around a Node 24 start-up cost, for every process that loads Drizzle (the server, the CLI): to tell an ES
 * module's format, Node reads its package's package.json, and its reader parses that file's `exports` again for
 * every module of the package (node:internal/modules/package_json_reader spreads the fields it parses lazily).
 * drizzle-orm's package.json is 179 KB and its pg-core alone is 129 modules: loading it took 380-840 ms and took
 * peak memory from 61 to 214 MB (Node 20: 93 ms). Drizzle's own relative imports are resolved here instead, as the
 * ES modules its package.json declares its .js files to be; everything else is resolved as before.
 *
 * Hooks apply to what is resolved after they are registered: an entry point imports this first and loads the rest
 * with import(), since its static imports are resolved before any module runs.
 */
import { registerHooks } from 'node:module';

const DRIZZLE = '/node_modules/drizzle-orm/';

registerHooks({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL;
    if (parent?.includes(DRIZZLE) && parent.endsWith('.js') && specifier.startsWith('.') && specifier.endsWith('.js')) {
      return { url: new URL(specifier, parent).href, format: 'module', shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});
