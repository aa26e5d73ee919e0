/** `npm run bench [-- name ...]`: runs bench/<name>.bench.ts files in turn and writes bench/RESULTS.md. */
import { cpus, totalmem, platform, release } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const dir = fileURLToPath(new URL('.', import.meta.url));
const resultsDir = join(dir, 'results');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${all.join(', ')}`);
  process.exit(2);
}

mkdirSync(resultsDir, { recursive: true });
for (const name of wanted.length ? wanted : all) {
  console.log(`\n== bench: ${name} ==`);
  const mod = (await import(pathToFileURL(join(dir, `${name}.bench.ts`)).href)) as { default: () => Promise<string> };
  const section = await mod.default();
  writeFileSync(join(resultsDir, `${name}.md`), `${section.trim()}\n`);
  console.log(section);
}

// RESULTS.md collects the newest section of every benchmark, each from its own run.
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const header = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} x ${cpu}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}, Node ${process.version}.`,
  'Each section compares our figure with a baseline measured in the same run (ratios are what to quote).',
  '',
].join('\n');
// Then any other section kept in results/ by hand (e.g. before/after figures of a change), by file name.
const extra = readdirSync(resultsDir)
  .filter((f) => f.endsWith('.md') && !all.includes(f.replace(/\.md$/, '')))
  .sort();
const sections = [...all.filter((n) => existsSync(join(resultsDir, `${n}.md`))).map((n) => `${n}.md`), ...extra]
  .map((f) => readFileSync(join(resultsDir, f), 'utf8').trim());
writeFileSync(join(dir, 'RESULTS.md'), `${header}\n${sections.join('\n\n')}\n`);
console.log('\nWrote bench/RESULTS.md');
