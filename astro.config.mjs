// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { searchIndex } from './site/integrations/search-index.ts';
import { precompress } from './site/integrations/precompress.ts';
import { trackerIntegration } from './site/tracker/integration.ts';

// Pages are prerendered unless they opt out (`export const prerender = false`);
// api/server.ts serves dist/client itself and hands the rest to Astro's middleware handler.
export default defineConfig({
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
  // Order matters: the tracker is written and indexes leave dist/client before the public files are compressed.
  integrations: [trackerIntegration(), searchIndex(), precompress()],
});
