/** Messages between the importer (main thread) and the reader worker (read-worker.ts), and the records they carry. */
import type { FileFormat } from './detect.ts';
import type { RowError } from './errors.ts';
import type { Profile } from './profile-schema.ts';
import type { Column } from './record-source.ts';

/** A mapped row as staging stores it: its line, the stored columns (STAGED_COLUMNS order, id first), tags as JSON. */
export type StagedRecord = [line: number, externalId: string, ...rest: Array<string | number | null>];

export const RAW = 0;
export const REFUSED = 1;

/**
 * One record as it crosses threads, in a JSON array per batch (one string is a single copy, far cheaper than
 * cloning arrays), and as a mapper returns it. Either mapped (a StagedRecord: a string in second place), or RAW:
 * the text of the columns the profile reads, in the order the importer asked for (null when absent), for the
 * importer to map; or REFUSED with its errors.
 */
export type WireRecord =
  | StagedRecord
  | [line: number, kind: typeof RAW, ...text: Array<string | null>]
  | [line: number, kind: typeof REFUSED, ...errors: RowError[]];

/**
 * Checked rows already turned into a storage adapter's bytes by its encoder (opaque here), one line per row, and a
 * 32-bit hash of each row's id in the same order (idHash(): how a sink spots ids that may repeat without the ids
 * themselves crossing threads). Both buffers move between threads without a copy.
 */
export interface EncodedRows {
  rows: Uint8Array<ArrayBuffer>;
  idHashes: Uint32Array<ArrayBuffer>;
  /** Bytes an encoder makes beside the rows (PostgreSQL: lines of the rows' tags, each naming its row's ticket id). */
  tags?: Uint8Array<ArrayBuffer>;
}

/** FNV-1a over the id's UTF-16 code units; never 0 (an empty slot of a hash set). */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0 || 1;
}

/** What an encoder module (MappingSpec.encoder) makes: rows in, bytes out. */
export interface RowEncoder {
  add(record: StagedRecord): void;
  /** Rows added since the last take(). */
  readonly pending: number;
  take(): EncodedRows;
}

/** Which thread maps rows: `auto` lets the worker take batches whenever the importer falls behind. */
export type MapIn = 'auto' | 'worker' | 'importer';

/** What the worker needs to map rows itself: the same profile, zone and label the importer compiled. */
export interface MappingSpec {
  profile: Profile;
  zone: string;
  label: string;
  mapIn: MapIn;
  /**
   * URL of a module exporting createEncoder(): RowEncoder. The batches the worker maps then go as the encoder's bytes
   * for their checked rows (EncodedRows), with only the refused records as records.
   */
  encoder?: string;
  /** What the sink passes to createEncoder() (structured-cloned to the worker). */
  encoderOptions?: unknown;
}

export interface WorkerInput {
  file: string;
  format: FileFormat;
  /** The file's text encoding when not UTF-8 (a WHATWG label such as windows-1252). */
  encoding?: string;
  /**
   * One Int32 the importer counts batches taken in. Shared memory, not messages: the worker reads it between
   * batches without returning to its event loop, which a tight parse loop seldom does.
   */
  taken: SharedArrayBuffer;
}

export type ToWorker =
  /** Send records with these columns, mapping some batches with `mapping` when the importer falls behind. */
  { type: 'start'; keys: Array<Column['key']>; mapping: MappingSpec };

export type ToMain =
  | { type: 'header'; header: string[] }
  | { type: 'batch'; data: string; encoded?: EncodedRows; bytesRead: number }
  | { type: 'end'; bytesRead: number }
  | { type: 'error'; name: string; message: string; errors?: RowError[] };
