/** `npm run bench [-- name ...]`: runs bench/*.bench.ts in turn and writes bench/RESULTS.md (machine, date, one section each). */
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.bench\.ts$/, '')))
  .sort();
if (files.length === 0) throw new Error(`No benchmark matches ${only.join(', ')}`);

const sections: string[] = [];
for (const file of files) {
  console.log(`Running ${file}…`);
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: () => Promise<string> };
  sections.push(await mod.default());
}
const cpu = cpus();
const header = [
  '# Benchmark results',
  '',
  `- date: ${new Date().toISOString()}`,
  `- machine: ${platform()} ${release()}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB`,
  `- node: ${process.version}`,
  '',
].join('\n');
writeFileSync(join(dir, 'RESULTS.md'), `${header}\n${sections.join('\n\n')}\n`);
console.log('Wrote bench/RESULTS.md');
