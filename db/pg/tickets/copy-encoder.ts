/**
 * Turns checked rows into the bytes the PostgreSQL import copies in, in the thread that maps them: the reader's
 * worker for the batches it maps (db/tickets/read-worker.ts loads this module), the importer's thread for the others,
 * so the importer's thread mostly hands bytes on. Each row's id hash travels beside its line (for repeated ids).
 */
import { idHash, type EncodedRows, type RowEncoder, type StagedRecord } from '../../tickets/worker-protocol.ts';
import { copyLine } from './copy-rows.ts';

const utf8 = new TextEncoder();

export class CopyEncoder implements RowEncoder {
  private text = '';
  private hashes: number[] = [];

  /** Rows added since the last take(). */
  get pending(): number {
    return this.hashes.length;
  }

  add(record: StagedRecord): void {
    this.text += copyLine(record);
    this.hashes.push(idHash(record[1]));
  }

  /** The rows added since the last take(), as COPY text in UTF-8 (a buffer of its own, transferable), and their ids' hashes. */
  take(): EncodedRows {
    const out: EncodedRows = { rows: utf8.encode(this.text), idHashes: Uint32Array.from(this.hashes) };
    this.text = '';
    this.hashes = [];
    return out;
  }
}

/** What the reader's worker calls (MappingSpec.encoder). */
export const createEncoder = (): CopyEncoder => new CopyEncoder();
