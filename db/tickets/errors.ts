/** The two kinds of import failure: a problem with one value (RowError) and one with the whole file or profile. */

/** One bad value: where it is and why it was refused. `line` is the file line the record starts on (header = 1). */
export interface RowError {
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
}

/** At most this many errors are listed; the rest are only counted. */
export const MAX_LISTED_ERRORS = 100;

/** Collects row errors, keeping the first MAX_LISTED_ERRORS and counting all. */
export class ErrorList {
  readonly listed: RowError[] = [];
  count = 0;

  add(error: RowError): void {
    this.count++;
    if (this.listed.length < MAX_LISTED_ERRORS) this.listed.push({ ...error, value: clip(error.value) });
  }

  /** Adds errors found by a later pass: `first` are its first ones in line order, `count` all of them. */
  merge(first: RowError[], count: number): void {
    this.count += count;
    // Both lists are in line order, so the first MAX_LISTED_ERRORS of the sorted union are the file's first.
    const all = [...this.listed, ...first.map((e) => ({ ...e, value: clip(e.value) }))].sort((a, b) => a.line - b.line);
    this.listed.splice(0, this.listed.length, ...all.slice(0, MAX_LISTED_ERRORS));
  }
}

function clip(value: string | null): string | null {
  return value !== null && value.length > 200 ? `${value.slice(0, 200)}…` : value;
}

/** The file cannot be imported at all (empty, binary, missing column...); nothing was written. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly errors: RowError[] = [{ line: 1, column: null, value: null, reason: message }],
  ) {
    super(message);
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
