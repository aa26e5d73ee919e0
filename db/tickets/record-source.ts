/** What every file reader hands the importer: the column names, how to find a column and the records, streamed. */

/** One record and the line its text starts on (for JSON arrays: its position in the array). */
export interface FileRecord<R> {
  line: number;
  row: R;
  /** Set when the record itself is malformed (wrong field count, not an object...). */
  problem?: string;
}

/** A file column as a profile names it: its name as written in the file and the key that reads it from a record. */
export interface Column {
  name: string;
  /** CSV: the field's position; JSON: the lower-cased dotted path. */
  key: number | string;
}

/** Finds a column by name (case and surrounding spaces ignored); null when the file has none. */
export type ColumnFinder = (name: string) => Column | null;

export interface RecordSource<R> {
  header: string[];
  find: ColumnFinder;
  /** A column's raw text in one record (undefined when absent). */
  pick(row: R, key: Column['key']): string | undefined;
  /** The records in file order, a few hundred at a time (fewer promises per row than one by one). */
  records: AsyncGenerator<Array<FileRecord<R>>>;
  /** Bytes of the file read so far (for the progress bar). */
  bytesRead(): number;
  close(): void;
}
