// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { searchIndex } from './site/integrations/search-index.ts';
import { precompress } from './site/integrations/precompress.ts';
import { trackerIntegration } from './site/tracker/integration.ts';
import { buildStamp } from './site/integrations/build-stamp.ts';
import { drafts } from './site/integrations/drafts.ts';
import { buildDeps } from './site/integrations/build-deps.ts';
import { loadConfig } from './api/env.ts';

// Pages are prerendered unless they opt out (`export const prerender = false`);
// api/server.ts serves dist/client itself and hands the rest to Astro's middleware handler.
// Canonical, hreflang, Open Graph and JSON-LD URLs are written at build time from KB_SITE_URL; the build stamp
// records it, and `npm start` rebuilds when the running KB_SITE_URL differs (docs/site.md).
export default defineConfig({
  site: loadConfig().siteUrl,
  srcDir: './site',
  outDir: './dist',
  output: 'static',
  adapter: node({ mode: 'middleware' }),
  trailingSlash: 'ignore',
  // Stylesheets are always files, never inline <style>: the Content-Security-Policy (api/http/security-headers.ts)
  // allows only the site's own files, with no hashes to keep in step with the build.
  build: { format: 'directory', inlineStylesheets: 'never' },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // Unchanged pages (same cacheKey from getStaticPaths, same code) are copied from the last build, not rendered
  // again (site/lib/page-keys.ts); the kb:precompress cache then finds their compressed bytes by content hash.
  experimental: { incrementalBuild: true },
  // Order matters: the tracker is written and indexes leave dist/client before the public files are compressed,
  // and the build is stamped finished only after all of that.
  integrations: [buildDeps(), drafts(), trackerIntegration(), searchIndex(), precompress(), buildStamp()],
});
