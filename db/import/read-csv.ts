/** Streams a CSV/TSV file with csv-parse: BOM, CRLF or LF, quoted newlines, bare carriage returns inside fields. */
import { createReadStream } from 'node:fs';
import { parse, CsvError } from 'csv-parse';
import type { Delimiter } from './detect.ts';
import { ImportFileError } from './errors.ts';
import type { FileRecord, RecordSource } from './record-source.ts';

interface Parsed {
  record: string[];
  info: { lines: number };
}

function csvFailure(err: unknown): never {
  if (err instanceof CsvError) {
    const line = (err as CsvError & { lines?: number }).lines ?? 0;
    throw new ImportFileError(`The file is not valid CSV near line ${line}: ${err.message}`, [
      { line, column: null, value: null, reason: err.message },
    ]);
  }
  throw err;
}

/** Opens a delimited file; the first record is the header. */
export async function openCsv(file: string, delimiter: Delimiter): Promise<RecordSource<string[]>> {
  const input = createReadStream(file, { highWaterMark: 256 * 1024 });
  const parser = input.pipe(
    parse({ bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }),
  );
  const it = parser[Symbol.asyncIterator]() as AsyncIterator<Parsed>;
  const first = await it.next().catch(csvFailure);
  if (first.done) throw new ImportFileError('The file is empty.');
  const header = first.value.record.map((h) => h.trim());
  const index = new Map<string, number>();
  header.forEach((h, i) => index.has(h.toLowerCase()) || index.set(h.toLowerCase(), i));

  async function* records(): AsyncGenerator<FileRecord<string[]>> {
    let lastLine = first.value!.info.lines;
    try {
      for (let next = await it.next(); !next.done; next = await it.next()) {
        const { record, info } = next.value;
        const line = lastLine + 1;
        lastLine = info.lines;
        const problem =
          record.length === header.length ? undefined : `the row has ${record.length} fields, the header has ${header.length}`;
        yield { line, row: record, problem };
      }
    } catch (err) {
      csvFailure(err);
    }
  }

  return {
    header,
    resolve(name) {
      const i = index.get(name.trim().toLowerCase());
      return i === undefined ? null : { name: header[i]!, get: (row) => row[i] };
    },
    records: records(),
    bytesRead: () => input.bytesRead,
    close: () => input.destroy(),
  };
}
