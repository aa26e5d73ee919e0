/** The benchmark's baseline: a plain streaming read of a CSV file with csv-parse (same options as the importer). */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const file = process.argv[2];
if (!file) throw new Error('usage: csv-parse-read.ts <file>');
const started = performance.now();
let rows = 0;
const parser = createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(
  parse({ bom: true, delimiter: ',', relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }),
);
for await (const _ of parser) rows++;
console.log(JSON.stringify({ rows: rows - 1, ms: performance.now() - started, maxRssKb: process.resourceUsage().maxRSS }));
