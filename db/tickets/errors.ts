/** The two kinds of import failure: a problem with one value (RowError) and one with the whole file or profile. */

/** One bad value: where it is and why it was refused. `line` is the file line the record starts on (header = 1). */
export interface RowError {
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
}

/** At most this many errors are listed; the rest are only counted (an answer never echoes a whole bad file). */
export const MAX_LISTED_ERRORS = 100;
/** A listed value or column name is cut to this many characters. */
export const MAX_ECHOED_CHARS = 200;

/** Collects row errors, keeping the first MAX_LISTED_ERRORS and counting all. */
export class ErrorList {
  readonly listed: RowError[] = [];
  count = 0;

  add(error: RowError): void {
    this.count++;
    if (this.listed.length < MAX_LISTED_ERRORS) this.listed.push(clipped(error));
  }

  /** Adds errors found by a later pass: `first` are its first ones in line order, `count` all of them. */
  merge(first: RowError[], count: number): void {
    this.count += count;
    // Both lists are in line order, so the first MAX_LISTED_ERRORS of the sorted union are the file's first.
    const all = [...this.listed, ...first.map(clipped)].sort((a, b) => a.line - b.line);
    this.listed.splice(0, this.listed.length, ...all.slice(0, MAX_LISTED_ERRORS));
  }
}

/** A string cut to MAX_ECHOED_CHARS, marked with … when cut. */
export function clip<T extends string | null>(value: T): T {
  return (value !== null && value.length > MAX_ECHOED_CHARS ? `${value.slice(0, MAX_ECHOED_CHARS)}…` : value) as T;
}

const clipped = (e: RowError): RowError => ({
  ...e,
  value: clip(e.value),
  column: clip(e.column),
  reason: e.reason.length > 4 * MAX_ECHOED_CHARS ? `${e.reason.slice(0, 4 * MAX_ECHOED_CHARS)}…` : e.reason,
});

/** The file cannot be imported at all (empty, binary, missing column...); nothing was written. */
export class ImportFileError extends Error {
  readonly errors: RowError[];
  constructor(message: string, errors: RowError[] = [{ line: 1, column: null, value: null, reason: message }]) {
    super(message.length > 10 * MAX_ECHOED_CHARS ? `${message.slice(0, 10 * MAX_ECHOED_CHARS)}…` : message);
    // File-level errors quote what the file holds (a header, a value): never more than a few hundred characters of it.
    this.errors = errors.slice(0, MAX_LISTED_ERRORS).map(clipped);
    this.name = 'ImportFileError';
  }
}

/** A mapping profile (preset, file or --map) is invalid; the message names the profile and field. */
export class ProfileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProfileError';
  }
}

/** Another import is writing to the same database (imports run one at a time); nothing was written. */
export class ImportBusyError extends Error {
  constructor() {
    super('Another import is writing to this database; try again when it has finished.');
    this.name = 'ImportBusyError';
  }
}
