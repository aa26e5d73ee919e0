/** The two projects the build benchmark times: ours and Starlight with Pagefind, each with the 303 Arduino articles. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOurContent, writeStarlightContent } from './arduino-content.ts';
import { benchInstall } from './bench-install.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const TMP = join(root, 'bench/tmp');

export interface Project {
  name: 'ours' | 'starlight';
  dir: string;
  /** Removes the output and every cache, for a cold build. */
  clean(): void;
}

/** Our project in bench/tmp/ours: the code as it is, the Arduino articles as content, its own Astro cache folder. */
export function ourProject(): Project {
  const dir = join(TMP, 'ours');
  rmSync(dir, { recursive: true, force: true });
  for (const p of ['site', 'api', 'db', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) cpSync(join(root, p), join(dir, p), { recursive: true });
  // Packages are linked one by one, so node_modules/.astro (Astro's cache) belongs to this copy, not to the repository.
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules'))) if (!name.startsWith('.')) symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name));
  writeOurContent(dir);
  return { name: 'ours', dir, clean: () => cleanAstro(dir) };
}

/**
 * Starlight as its docs set it up (docsLoader, docsSchema, the starlight() integration with its Pagefind search),
 * installed from bench/starlight's lockfile into bench/tmp/starlight (needs the npm registry the first time).
 */
export function starlightProject(): Project {
  const dir = benchInstall('starlight');
  rmSync(join(dir, 'src'), { recursive: true, force: true });
  writeStarlightContent(dir);
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    [
      "import { defineCollection } from 'astro:content';",
      "import { docsLoader } from '@astrojs/starlight/loaders';",
      "import { docsSchema } from '@astrojs/starlight/schema';",
      'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    [
      "import { defineConfig } from 'astro/config';",
      "import starlight from '@astrojs/starlight';",
      "export default defineConfig({ site: 'https://help.example.com', integrations: [starlight({ title: 'Arduino Help Center' })] });",
      '',
    ].join('\n'),
  );
  return { name: 'starlight', dir, clean: () => cleanAstro(dir) };
}

function cleanAstro(dir: string): void {
  for (const p of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(dir, p), { recursive: true, force: true });
}

export interface BuildRun {
  wall: number;
  /** User + system CPU seconds of the build process and its children, when /usr/bin/time is there to tell. */
  cpu: number | undefined;
  log: string;
}

/** One `astro build` in a fresh Node process (the Node running this benchmark), timed from outside. */
export function build(project: Project): BuildRun {
  const astro = join(project.dir, 'node_modules/astro/bin/astro.mjs');
  const timer = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'kb-cpu %U %S'] : [];
  const [cmd, ...args] = [...timer, process.execPath, astro, 'build'];
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd!, args, {
    cwd: project.dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', KB_SITE_URL: 'https://help.example.com' },
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const log = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`${project.name}: astro build failed:\n${log.slice(-3000)}`);
  const cpu = /kb-cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { wall, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined, log };
}
