/** `npm run bench [-- <name>]`: runs bench/<name>.bench.ts (or all), keeps each section in bench/results/, writes bench/RESULTS.md. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const resultsDir = join(here, 'results');
const only = process.argv[2];
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .filter((name) => !only || name === only);
if (benches.length === 0) throw new Error(`No bench/${only}.bench.ts`);

mkdirSync(resultsDir, { recursive: true });
for (const name of benches) {
  console.log(`bench: ${name}`);
  const mod = (await import(join(here, `${name}.bench.ts`))) as { default: () => Promise<string> };
  const section = await mod.default();
  writeFileSync(join(resultsDir, `${name}.md`), section.trimEnd() + '\n');
}

// RESULTS.md holds every section measured so far, so running one bench keeps the others' figures.
const cpu = cpus();
const header = [
  '# Benchmark results',
  '',
  `Machine: ${type()}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB memory, Node ${process.version}.`,
  `Written ${new Date().toISOString()} by \`npm run bench\`${only ? ` (this run: ${only})` : ''}. Each section says when it was measured.`,
  '',
].join('\n');
const sections = readdirSync(resultsDir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => readFileSync(join(resultsDir, f), 'utf8').trimEnd());
writeFileSync(join(here, 'RESULTS.md'), `${header}\n${sections.join('\n\n')}\n`);
console.log('wrote bench/RESULTS.md');
