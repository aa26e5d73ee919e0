/** Streams a CSV/TSV file with csv-parse: BOM, CRLF or LF, quoted newlines, bare carriage returns inside fields. */
import { parse, CsvError, type Parser } from 'csv-parse';
import type { Delimiter } from './detect.ts';
import { csvColumns } from './columns.ts';
import { ImportFileError } from './errors.ts';
import type { FileRecord, RecordSource } from './record-source.ts';
import { openFileText } from './file-text.ts';

interface Parsed {
  record: string[];
  info: { lines: number };
}

const BATCH = 512;

/**
 * No ticket row is this long; a longer one means the file is not what it seems (and would be held in memory whole).
 * Rows up to it are read, so an over-long field is a bad row naming its field (db/import/fields.ts TEXT_LIMITS).
 */
const MAX_RECORD_CHARS = 16 * 1024 * 1024;

function csvFailure(err: unknown): never {
  if (err instanceof ImportFileError) throw err;
  if (err instanceof CsvError && err.code === 'CSV_MAX_RECORD_SIZE') {
    const line = (err as CsvError & { lines?: number }).lines ?? 0;
    const reason = `a record longer than ${MAX_RECORD_CHARS / 1024 / 1024} MB`;
    throw new ImportFileError(`The file has ${reason} near line ${line}; no ticket row is that long. Is it a CSV or TSV export?`, [
      { line, column: null, value: null, reason },
    ]);
  }
  if (err instanceof CsvError) {
    const line = (err as CsvError & { lines?: number }).lines ?? 0;
    throw new ImportFileError(`The file is not valid CSV near line ${line}: ${err.message}`, [
      { line, column: null, value: null, reason: err.message },
    ]);
  }
  throw err;
}

/** Reads parsed records in arrays: whatever the parser holds, waiting only when it holds nothing. */
async function* parsedBatches(parser: Parser): AsyncGenerator<Parsed[]> {
  let ended = false;
  let failure: unknown;
  parser.once('end', () => (ended = true));
  parser.once('error', (err) => (failure = err));
  for (;;) {
    const batch: Parsed[] = [];
    for (let rec: Parsed | null; batch.length < BATCH && (rec = parser.read() as Parsed | null) !== null; ) batch.push(rec);
    if (batch.length) {
      yield batch;
      continue;
    }
    if (failure) csvFailure(failure);
    if (ended) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        parser.off('readable', done).off('end', done).off('error', done);
        resolve();
      };
      parser.on('readable', done).on('end', done).on('error', done);
    });
  }
}

/** Opens a delimited file; the first record is the header. */
export async function openCsv(file: string, delimiter: Delimiter, encoding?: string): Promise<RecordSource<string[]>> {
  const text = openFileText(file, encoding);
  const parser = text.stream.pipe(
    parse({ bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, max_record_size: MAX_RECORD_CHARS }),
  );
  // pipe() does not pass a read error (or a text that is not UTF-8) on: without this the reader would wait forever.
  text.stream.once('error', (err) => parser.destroy(err));
  const batches = parsedBatches(parser);
  const first = await batches.next();
  const head = first.done ? undefined : first.value.shift();
  if (!head) throw new ImportFileError('The file is empty.');
  const header = head.record.map((h) => h.trim());

  async function* records(): AsyncGenerator<Array<FileRecord<string[]>>> {
    let lastLine = head!.info.lines;
    const number = (batch: Parsed[]) =>
      batch.map(({ record, info }) => {
        const line = lastLine + 1;
        lastLine = info.lines;
        const problem =
          record.length === header.length ? undefined : `the row has ${record.length} fields, the header has ${header.length}`;
        return { line, row: record, problem };
      });
    if (!first.done && first.value.length) yield number(first.value);
    for await (const batch of batches) yield number(batch);
  }

  return {
    header,
    find: csvColumns(header),
    pick: (row, key) => row[key as number],
    records: records(),
    bytesRead: text.bytesRead,
    close: text.close,
  };
}
