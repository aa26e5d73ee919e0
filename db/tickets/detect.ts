/** Looks at the start of a file to tell its format (CSV/TSV, JSON array, NDJSON) and delimiter, or refuse it early. */
import { open } from 'node:fs/promises';
import { ImportFileError } from './errors.ts';

export type Delimiter = ',' | ';' | '\t';
export type FileFormat = { kind: 'csv'; delimiter: Delimiter } | { kind: 'json-array' } | { kind: 'ndjson' };

const SAMPLE_BYTES = 64 * 1024;

/**
 * Reads the first 64 KB and decides how to read the file; empty, binary and compressed files are refused.
 * `encoding` (a TextDecoder label) when the file is not UTF-8.
 */
export async function detectFormat(file: string, encoding?: string): Promise<FileFormat> {
  const fh = await open(file, 'r');
  let sample: Buffer;
  try {
    const buf = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SAMPLE_BYTES, 0);
    sample = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if (sample.length === 0) throw new ImportFileError('The file is empty.');
  if (sample[0] === 0x1f && sample[1] === 0x8b) throw new ImportFileError('The file is gzip-compressed; unpack it and import the CSV, TSV or JSON inside.');
  if (sample[0] === 0x50 && sample[1] === 0x4b) throw new ImportFileError('The file is a ZIP archive (or an Excel workbook); unpack it or save it as CSV, then import that.');
  const wide = encoding !== undefined && /^utf-16/.test(new TextDecoder(encoding).encoding);
  if (!wide && ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff))) {
    throw new ImportFileError('The file is UTF-16 text (Excel\'s "Unicode text"); save or export it as UTF-8 CSV and import that, or import it with --encoding utf-16le.');
  }
  if (!wide && looksBinary(sample)) throw new ImportFileError('The file looks binary (it holds control bytes), not CSV, TSV or JSON text.');
  const text = (encoding ? new TextDecoder(encoding).decode(sample) : sample.toString('utf8')).replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (!start) throw new ImportFileError('The file is empty (only blank lines).');
  if (start.startsWith('[')) return { kind: 'json-array' };
  if (start.startsWith('{')) return { kind: 'ndjson' };
  return { kind: 'csv', delimiter: detectDelimiter(firstLine(text)) };
}

function looksBinary(sample: Buffer): boolean {
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control > sample.length * 0.01;
}

/** The header line, ignoring line breaks inside quotes. */
function firstLine(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) return text.slice(0, i);
  }
  return text;
}

/** The most frequent of , ; and tab outside quotes in the header line; a comma when none occurs. */
export function detectDelimiter(header: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.keys(counts) as Delimiter[]).sort((a, b) => counts[b] - counts[a])[0]!;
  return counts[best] > 0 ? best : ',';
}
