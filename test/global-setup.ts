/** Builds the site once before the suite when sources changed, so server and browser tests run the real build. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildSite, needsBuild } from '../bin/build-site.ts';
import { ensureTemplate, NO_PG, pgTestUrl } from './helpers/pg.ts';

export default async function setup() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dist = join(root, 'dist');
  if (needsBuild(root, dist)) await buildSite(root);
  // One migrated template per cluster; each PostgreSQL test file copies it (test/helpers/pg.ts).
  if (pgTestUrl) await ensureTemplate(pgTestUrl);
  else console.log(`PostgreSQL tests skipped: ${NO_PG}.`);
}
