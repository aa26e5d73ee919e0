/** What every file reader hands the importer: the column names, a column resolver and the records, streamed. */
import type { ColumnResolver } from './compile-source.ts';

/** One record and the line its text starts on (for JSON arrays: its position in the array). */
export interface FileRecord<R> {
  line: number;
  row: R;
  /** Set when the record itself is malformed (wrong field count, not an object...). */
  problem?: string;
}

export interface RecordSource<R> {
  header: string[];
  resolve: ColumnResolver<R>;
  /** The records in file order, a few hundred at a time (fewer promises per row than one by one). */
  records: AsyncGenerator<Array<FileRecord<R>>>;
  /** Bytes of the file read so far (for the progress bar). */
  bytesRead(): number;
  close(): void;
}
