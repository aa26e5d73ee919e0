/** Messages between the importer (main thread) and the reader worker (read-worker.ts). */
import type { FileFormat } from './detect.ts';
import type { RowError } from './errors.ts';
import type { Column } from './record-source.ts';

/**
 * One record as the worker hands it over: its line, its problem (0 when none) and the raw text of the columns
 * the profile reads, in the order the importer asked for (null when absent). Only those columns cross threads.
 */
export type CompactRecord = [line: number, problem: string | 0, ...values: Array<string | null>];

export interface WorkerInput {
  file: string;
  format: FileFormat;
}

export type ToWorker =
  /** Send records with these columns. */
  | { type: 'start'; keys: Array<Column['key']> }
  /** The importer took a batch: the worker may read on (a few batches in flight keep memory flat). */
  | { type: 'ack' };

export type ToMain =
  | { type: 'header'; header: string[] }
  /** A JSON array of CompactRecord: one string per batch is a single copy, cheaper than cloning arrays. */
  | { type: 'batch'; data: string; bytesRead: number }
  | { type: 'end'; bytesRead: number }
  | { type: 'error'; name: string; message: string; errors?: RowError[] };
