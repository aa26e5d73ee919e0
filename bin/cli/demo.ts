/** `kb demo`: fill a separate database with 90 days of realistic traffic and tickets; `--serve` then runs the site on it. */
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../../api/env.ts';
import { openStore } from '../../db/open-store.ts';
import { generateDemo } from '../demo/generate.ts';
import { serve } from '../serve.ts';
import { buildSite, needsBuild } from '../build-site.ts';
import { loadSearchDir } from '../../api/search/service.ts';
import { searchTotalOf } from '../demo/search.ts';

interface DemoFlags {
  db: string;
  days: number;
  seed: number;
  content: string;
  force?: boolean;
  serve?: boolean;
}

const integer = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);
  return n;
};

const contentDefault = fileURLToPath(new URL('../../content', import.meta.url));

export function demoCommand() {
  return new Command('demo')
    .description('Generate a demo database (90 days of help-center traffic and tickets); --serve runs the site on it.')
    .option('--db <file>', 'demo database file (kept apart from KB_DB)', 'data/demo.sqlite')
    .option('--days <n>', 'days of history, ending today', integer(1, 730), 90)
    .option('--seed <n>', 'random seed; the same seed gives the same data', integer(0, 2 ** 31 - 1), 42)
    .option('--content <dir>', 'content folder with the articles to generate traffic for', contentDefault)
    .option('--force', 'delete an existing demo database and generate a new one')
    .option('--serve', 'serve the site on the demo database (generating it first if missing)')
    .action(async (flags: DemoFlags) => {
      const file = resolve(flags.db);
      // KB_ADMIN_TOKEN and KB_SECRET are the real site's: the demo never takes (nor prints) them, and keeps its own.
      const config = loadConfig({ ...process.env, KB_DB: file, KB_ADMIN_TOKEN: '', KB_SECRET: '' });
      const exists = existsSync(file);
      if (exists && flags.force) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      if (!exists || flags.force) await generate(config, flags);
      else if (!flags.serve) throw new Error(`${file} exists; pass --force to generate it again, or --serve to run the site on it.`);
      else console.log(`Using the existing demo database ${file} (--force makes a new one).`);
      if (flags.serve) {
        // The demo database has its own token file, never the real one (printed below with the URLs).
        const { url, kb } = await serve(config, { announceToken: false, adoptLegacyToken: false });
        console.log(`\nDemo help center: ${url}\nDashboard:        ${url}/admin\nAdmin token:      ${kb.admin.token}  (this demo database's own)\n`);
      }
    });
}

const root = fileURLToPath(new URL('../..', import.meta.url));

async function generate(config: ReturnType<typeof loadConfig>, flags: DemoFlags) {
  const started = performance.now();
  // Searches are counted by the index the demo site will serve, so the dashboard and the live search agree.
  const dist = resolve(root, 'dist');
  if (needsBuild(root, dist)) await buildSite(root);
  const searchTotal = searchTotalOf(loadSearchDir(resolve(dist, 'search')));
  const store = await openStore(config);
  const bar = process.stdout.isTTY ? new SingleBar({ format: 'Generating demo |{bar}| {value}/{total} days', hideCursor: true }, Presets.shades_classic) : undefined;
  bar?.start(flags.days, 0);
  try {
    const s = await generateDemo(store, config, { contentDir: flags.content, days: flags.days, seed: flags.seed, searchTotal, onDay: (done) => bar?.update(done) });
    bar?.stop();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Demo database ${config.dbFile}: ${s.events.toLocaleString('en')} events, ${s.tickets.toLocaleString('en')} tickets and ${s.requests.toLocaleString('en')} contact requests, ${s.from} to ${s.to} (${seconds} s).`);
  } catch (err) {
    bar?.stop();
    throw err;
  } finally {
    await store.admin.close();
  }
}
