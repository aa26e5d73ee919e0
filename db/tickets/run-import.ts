/**
 * importInto(): read (worker thread) -> map -> stage (validate all) -> hand the staged rows to the storage adapter's
 * target; the one path the CLI and the API use. SQLite's target: db/tickets/sqlite-import.ts; PostgreSQL's:
 * db/pg/tickets/import.ts.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportRecord } from '../shared/imports.ts';
import { detectFormat } from './detect.ts';
import { ErrorList, ImportFileError, ProfileError, type RowError } from './errors.ts';
import { compileMapper } from './map-row.ts';
import { isTimeZone, type Profile } from './profile-schema.ts';
import type { RepeatedId } from './staging.ts';
import { readInWorker, type WorkerRecords } from './worker-source.ts';
import { RAW, type EncodedRows, type MapIn, type StagedRecord, type WireRecord } from './worker-protocol.ts';
import { checkEncoding } from './file-text.ts';

export interface ImportProgress {
  phase: 'read' | 'write';
  done: number;
  total: number;
}

export interface ImportOptions {
  profile: Profile;
  /** How errors name the profile: `preset zendesk` or the mapping file's path. */
  profileLabel: string;
  /** Overrides the profile's source (default: the profile's, else `import`). */
  source?: string;
  /** Zone for dates without an offset (default: the profile's, else UTC). */
  timeZone?: string;
  /** The file's text encoding when it is not UTF-8: a label TextDecoder knows (windows-1252, latin1, shift_jis...). */
  encoding?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  /** The name to record (an upload's original name); default the file's base name. */
  fileName?: string;
  onProgress?: (p: ImportProgress) => void;
  /** Rows per write transaction, fixed (tests); by default transactions are sized to take about 150 ms each. */
  batchSize?: number;
  /** Which thread maps rows (default `auto`); tests and benchmarks pin one. */
  mapIn?: MapIn;
  /**
   * The import runs beside a server in another process that may be writing events: it leaves the write lock free
   * between chunks (SHARE_PAUSE_MS), so the server's writes wait one short chunk at most. Default: whether a server
   * holds the database's server lock; the server's own upload route says false.
   */
  besideServer?: boolean;
  /**
   * When another import is writing to the database: wait for it (default; `onLockWait` is told once), or throw
   * ImportBusyError at once (an upload answers 409 rather than hold its request open).
   */
  waitForLock?: boolean;
  onLockWait?: () => void;
  /** Who ran it, for the import history: `cli:<user>@<host>`, `dashboard` or `api`. */
  ranBy?: string;
}

export interface ImportResult {
  source: string;
  fileName: string;
  /** Records read from the file. */
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  /** Records not stored: bad rows and repeated ids with --skip-invalid, every record when the file was refused. */
  skipped: number;
  /** The first 100 problems. */
  errors: RowError[];
  errorCount: number;
  /** False when bad rows stopped the import (nothing was written). */
  committed: boolean;
  dryRun: boolean;
  durationMs: number;
}

const SOURCE_RE = /^[a-z0-9][a-z0-9_.-]{0,63}$/i;

const isStaged = (r: WireRecord): r is StagedRecord => typeof r[1] === 'string';

/**
 * Where an import's checked rows go as they are read: SQLite stages them in a local file (db/tickets/staging.ts) and
 * writes them after the read; PostgreSQL streams them into its import transaction while the file is still being read
 * (db/pg/tickets/ticket-writer.ts).
 */
export interface RowSink {
  /** Takes one checked row (repeated ids are settled by finish()). */
  add(record: StagedRecord): void;
  /**
   * URL of a module whose createEncoder() turns checked rows into this sink's bytes: the batches the reader's thread
   * maps then come to addEncoded() (in file order with the rows given to add()).
   */
  readonly encoder?: string;
  /** What the encoder module's createEncoder() is given (known once the sink is open). */
  readonly encoderOptions?: unknown;
  addEncoded?(rows: EncodedRows): void;
  /** Resolves once the sink can take more rows; undefined when it can now (backpressure, checked once a batch). */
  ready?(): Promise<void> | undefined;
  /** Bad rows were found and are not skipped, so nothing will be written: from now on only repeated ids are sought. */
  refuseWrites?(): void;
  /** After the last row: the rows whose id an earlier row had (dropped), their count and the first 100 in file order. */
  finish(): { count: number; first: RepeatedId[] } | Promise<{ count: number; first: RepeatedId[] }>;
  /** Frees what the sink holds; whatever it had not written yet is not written. */
  dispose(): void | Promise<void>;
}

/**
 * Where an import's checked rows go: each storage adapter its own way (SQLite: a staging file, then chunks with an
 * undo journal, here; PostgreSQL: rows streamed into one transaction while the file is read, db/pg/tickets/import.ts).
 */
export interface ImportTarget<S extends RowSink = RowSink> {
  /** Starts taking an import's rows (before the file is read; a refused file disposes of it). */
  open(opts: ImportOptions, source: string): S | Promise<S>;
  /**
   * Writes (or on a dry run counts) the rows `sink` took into `result`; true when it also recorded the import, with the
   * tickets (its history row: importEntry(result, opts, startedAt)).
   */
  write(sink: S, result: ImportResult, opts: ImportOptions, startedAt: number): Promise<boolean>;
  /** Records an import in the history: one that wrote nothing, was refused, or whose writer did not record it. */
  record(entry: ImportEntry): Promise<void>;
}

/** The history row of an import (the imports table, db/shared/imports.ts), as every adapter stores it. */
export type ImportEntry = Omit<ImportRecord, 'id'>;

/** How many of an import's problems the history keeps (the answer itself lists the first 100). */
const ERROR_SAMPLE = 20;
/** The first problems as the history keeps them; null when there were none. */
export const errorSample = (errors: readonly RowError[]): ImportRecord['errorSample'] =>
  errors.length === 0 ? null : errors.slice(0, ERROR_SAMPLE).map((e) => ({ line: e.line, column: e.column, value: e.value, reason: e.reason }));

/** The history row for a finished import: its counts, its first problems and who ran it. */
export function importEntry(
  r: Pick<ImportResult, 'source' | 'fileName' | 'rows' | 'imported' | 'updated' | 'unchanged' | 'skipped' | 'errors' | 'errorCount' | 'committed'>,
  opts: Pick<ImportOptions, 'profileLabel' | 'ranBy'>,
  startedAt: number,
): ImportEntry {
  return {
    source: r.source,
    fileName: r.fileName,
    profile: opts.profileLabel,
    status: r.committed ? 'ok' : 'failed',
    rows: r.rows,
    imported: r.imported,
    updated: r.updated,
    unchanged: r.unchanged,
    skipped: r.skipped,
    errors: r.errorCount,
    errorSample: errorSample(r.errors),
    ranBy: opts.ranBy ?? null,
    startedAt,
    finishedAt: Date.now(),
  };
}

/** Reads, maps and checks a file, then hands the staged rows to `target`. */
export async function importInto<S extends RowSink>(target: ImportTarget<S>, file: string, opts: ImportOptions): Promise<ImportResult> {
  const started = Date.now();
  const source = opts.source ?? opts.profile.source ?? 'import';
  if (!SOURCE_RE.test(source)) throw new ProfileError(`Source "${source}" must be letters, digits, _ . - (at most 64).`);
  const zone = opts.timeZone ?? opts.profile.timeZone ?? 'UTC';
  if (!isTimeZone(zone)) throw new ProfileError(`Time zone "${zone}" is not an IANA zone such as Europe/Berlin.`);
  const fileName = opts.fileName ?? basename(file);
  const { size } = await stat(file);

  const refused = (err: unknown): Promise<never> => {
    // A file refused as a whole (not UTF-8, no header, unreadable) is in the history too, with its reason.
    if (!(err instanceof ImportFileError) || opts.dryRun) throw err;
    const none = { imported: 0, updated: 0, unchanged: 0, skipped: 0, committed: false };
    return target.record(importEntry({ source, fileName, rows: 0, ...none, errors: err.errors, errorCount: err.errors.length }, opts, started)).then(() => {
      throw err;
    });
  };
  const encoding = opts.encoding ? checkEncoding(opts.encoding) : undefined;
  const format = await detectFormat(file, encoding).catch(refused);
  // The reader's thread starts (loads its code, reads the header) while the target opens (connects, waits for a lock).
  const [opened, read] = await Promise.allSettled([target.open(opts, source), readInWorker(file, format, encoding)]);
  if (opened.status === 'rejected') {
    if (read.status === 'fulfilled') await read.value.close();
    throw opened.reason;
  }
  const sink = opened.value;
  if (read.status === 'rejected') {
    await sink.dispose();
    await refused(read.reason);
  }
  const records = (read as PromiseFulfilledResult<WorkerRecords>).value;
  try {
    const map = compileMapper(opts.profile, records.resolve, zone, opts.profileLabel, records.header);
    const errors = new ErrorList();
    let rows = 0;
    let badRows = 0;
    // The worker maps a batch itself whenever this thread falls behind (auto): the two threads share the mapping
    // whatever its balance. With an encoder this costs more CPU in all than the worker mapping every batch (raw records
    // cross as JSON) but takes less time, on PostgreSQL too: this thread is mostly idle while the server writes.
    const mapIn = opts.mapIn ?? 'auto';
    const mapping = { profile: opts.profile, zone, label: opts.profileLabel, mapIn, encoder: sink.encoder, encoderOptions: sink.encoderOptions };
    for await (const batch of records.records(mapping)) {
      opts.onProgress?.({ phase: 'read', done: records.bytesRead(), total: size });
      if (batch.encoded) {
        rows += batch.encoded.idHashes.length;
        sink.addEncoded!(batch.encoded);
      }
      for (const record of batch.records) {
        rows++;
        const rec = record[1] === RAW ? map(record, record[0]) : record;
        if (isStaged(rec)) sink.add(rec);
        else {
          if (badRows++ === 0 && !opts.skipInvalid) sink.refuseWrites?.();
          for (let i = 2; i < rec.length; i++) errors.add(rec[i] as RowError);
        }
      }
      const ready = sink.ready?.();
      if (ready) await ready;
    }
    // The reader's thread and heap are of no more use: free them before the write phase.
    await records.close();
    const repeated = await sink.finish();
    badRows += repeated.count;
    const reason = (first: number) => `duplicate ticket id (first on line ${first})`;
    errors.merge(repeated.first.map((r) => ({ line: r.line, column: null, value: r.externalId, reason: reason(r.firstLine) })), repeated.count);
    opts.onProgress?.({ phase: 'read', done: size, total: size });
    const result: ImportResult = {
      source,
      fileName,
      rows,
      imported: 0,
      updated: 0,
      unchanged: 0,
      skipped: badRows,
      errors: errors.listed,
      errorCount: errors.count,
      committed: false,
      dryRun: opts.dryRun === true,
      durationMs: 0,
    };
    if (rows === 0) throw new ImportFileError('The file has a header but no rows.');
    let recorded = false;
    if (errors.count && !opts.skipInvalid) {
      result.skipped = rows;
    } else {
      recorded = await target.write(sink, result, opts, started);
      result.committed = !result.dryRun;
    }
    result.durationMs = Date.now() - started;
    if (!result.dryRun && !recorded) await target.record(importEntry(result, opts, started));
    return result;
  } catch (err) {
    return await refused(err);
  } finally {
    await records.close();
    await sink.dispose();
  }
}
