/**
 * Build time, ours against Starlight with Pagefind, on the same 303 real Arduino Help Center articles, side by side
 * in one run: a cold build (no output, no caches), a rebuild with nothing changed, and a rebuild after one
 * article changed. Rounds alternate which project builds first, so neither always meets a warmer machine.
 */
import { appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { articleFile } from './lib/arduino-content.ts';
import { build, ourProject, starlightProject, type BuildRun, type Project } from './lib/build-projects.ts';

const ROUNDS = 3;
const KINDS = ['cold', 'unchanged', 'one article changed'] as const;
type Kind = (typeof KINDS)[number];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const secs = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(1)} s`);

/** From our build log: pages rendered against copied from the last build, and files compressed against reused. */
function ourWork(log: string): string {
  const cached = (log.match(/\((?:cached|restored)\)/g) ?? []).length;
  const routes = (log.match(/[├└]─ \//g) ?? []).length;
  const pc = /precompressed (\d+) files \(gzip, brotli\): (\d+) compressed/.exec(log);
  return `${routes - cached} of ${routes} pages rendered, ${pc ? `${pc[2]} of ${pc[1]}` : '?'} files compressed`;
}

export default async function siteBuild(): Promise<string> {
  const load = loadavg().map((l) => l.toFixed(1)).join(', ');
  const projects = [ourProject(), starlightProject()];
  const runs = new Map<string, BuildRun[]>();
  const add = (p: Project, kind: Kind, run: BuildRun) => runs.set(`${p.name}/${kind}`, [...(runs.get(`${p.name}/${kind}`) ?? []), run]);
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? projects : [...projects].reverse();
    for (const p of order) {
      p.clean();
      add(p, 'cold', build(p));
    }
    for (const p of order) add(p, 'unchanged', build(p));
    for (const p of order) {
      const file = articleFile(p.name, p.dir);
      appendFileSync(file, `\nThis sentence was added between two builds (round ${round + 1}).\n`);
      add(p, 'one article changed', build(p));
    }
  }
  const row = (kind: Kind) => {
    const ours = runs.get(`ours/${kind}`)!;
    const sl = runs.get(`starlight/${kind}`)!;
    const [ow, sw] = [median(ours.map((r) => r.wall)), median(sl.map((r) => r.wall))];
    const cpu = (rs: BuildRun[]) => (rs.every((r) => r.cpu !== undefined) ? median(rs.map((r) => r.cpu!)) : undefined);
    const [oc, sc] = [cpu(ours), cpu(sl)];
    return `| ${kind} | ${secs(ow)} | ${secs(oc)} | ${secs(sw)} | ${secs(sc)} | ${Math.round((ow / sw) * 100)}% | ${oc && sc ? `${Math.round((oc / sc) * 100)}%` : 'n/a'} | ${ourWork(ours.at(-1)!.log)} |`;
  };
  return [
    `## Site build: ours against Starlight + Pagefind (measured ${new Date().toISOString().slice(0, 10)})`,
    '',
    'The 303 real Arduino Help Center articles (`../shared/data/real/articles`, 4 of them drafts) built by each project',
    'as it ships: ours (`astro build`: 1 locale of articles, search index, server bundle, precompression at gzip 9 and',
    'brotli 5, brotli 11 for Vite\'s hashed bundles) and Starlight 0.42.4 on the same Astro 7.3.5 (`bench/starlight/`: docsLoader, default sidebar, Pagefind',
    'index). Same bodies in both; image links point to a remote address, since the images were not copied. Each build is',
    `a fresh Node process; medians of ${ROUNDS} rounds that alternate which project builds first. CPU is user + system`,
    'time of the build and its children (less inflated than wall time when other work shares the 2 cores).',
    `Load average before the run: ${load}. Aim: ours no slower than Starlight; an unchanged article neither rendered nor compressed again.`,
    '',
    '| build | ours wall | ours CPU | Starlight wall | Starlight CPU | wall, ours / Starlight | CPU, ours / Starlight | our build did |',
    '|---|---|---|---|---|---|---|---|',
    ...KINDS.map(row),
    '',
    'What Astro caches by itself: the content layer keeps every parsed and rendered Markdown entry in its data store',
    '(node_modules/.astro), so unchanged Markdown is not parsed again in either project. With',
    '`experimental.incrementalBuild` (Astro 7.2+) it also copies a page from the last build when its code and the',
    '`cacheKey` its getStaticPaths returns are unchanged; ours returns keys (`site/lib/page-keys.ts`), Starlight 0.42 does',
    'not. Precompressed bytes are reused by content hash (`kb:precompress`, one cache file). Vite rebuilds both bundles every time.',
  ].join('\n');
}
