/** `npm run bench [-- name...]`: runs every bench/*.bench.ts (or the named ones) and writes bench/RESULTS.md. */
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(basename(f, '.bench.ts')))
  .sort();
if (files.length === 0) {
  console.error(`No benchmark named ${wanted.join(', ')}; have: ${readdirSync(here).filter((f) => f.endsWith('.bench.ts')).join(', ')}`);
  process.exit(1);
}

const sections: string[] = [];
for (const file of files) {
  console.log(`Running ${file}…`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<string> };
  sections.push(await mod.default());
}

const cpu = cpus();
const header = [
  '# Benchmark results',
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${osType()} ${release()}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM`,
  `- Node ${process.version}`,
  '',
  'Figures are noisy on a shared machine; compare the ratios against the baseline measured in the same run.',
  '',
].join('\n');
writeFileSync(join(here, 'RESULTS.md'), `${header}\n${sections.join('\n\n')}\n`);
console.log(`Wrote bench/RESULTS.md`);
