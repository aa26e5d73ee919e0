/**
 * Turns checked rows into the bytes the PostgreSQL import copies in, in the thread that maps them: the reader's
 * worker for the batches it maps (db/tickets/read-worker.ts loads this module), the importer's thread for the others,
 * so the importer's thread mostly hands bytes on. Each row's id hash travels beside its line (for repeated ids).
 *
 * Two forms: rows of a source that has tickets already are compared with them in the database, so they go as
 * COPY_COLUMNS lines into a temporary table; rows of a source with none yet are all new tickets, so they go straight
 * into tickets and ticket_tags with the ids the writer drew for them (NewTicketsEncoding).
 */
import { idHash, type EncodedRows, type RowEncoder, type StagedRecord } from '../../tickets/worker-protocol.ts';
import { copyLine, copyText, tagLines, ticketLine } from './copy-rows.ts';

const utf8 = new TextEncoder();

/** Rows of a source with no tickets yet: each row's ticket id is `idBase` plus its line, so ids follow the file. */
export interface NewTicketsEncoding {
  idBase: number;
  source: string;
  /** imported_at of the tickets. */
  now: number;
}

export class CopyEncoder implements RowEncoder {
  private text = '';
  private tags = '';
  private hashes: number[] = [];
  private readonly source: string;
  private readonly tail: string;

  constructor(private readonly newTickets?: NewTicketsEncoding) {
    this.source = newTickets ? copyText(newTickets.source) : '';
    this.tail = newTickets ? `\t${newTickets.now}\n` : '';
  }

  /** Rows added since the last take(). */
  get pending(): number {
    return this.hashes.length;
  }

  add(record: StagedRecord): void {
    if (this.newTickets) {
      const id = this.newTickets.idBase + record[0];
      this.text += ticketLine(record, id, this.source, this.tail);
      this.tags += tagLines(id, record[record.length - 1] as string);
    } else this.text += copyLine(record);
    this.hashes.push(idHash(record[1]));
  }

  /** The rows added since the last take(), as COPY text in UTF-8 (buffers of their own, transferable), and their ids' hashes. */
  take(): EncodedRows {
    const out: EncodedRows = { rows: utf8.encode(this.text), idHashes: Uint32Array.from(this.hashes) };
    if (this.newTickets) out.tags = utf8.encode(this.tags);
    this.text = '';
    this.tags = '';
    this.hashes = [];
    return out;
  }
}

/** What the reader's worker calls (MappingSpec.encoder, with MappingSpec.encoderOptions). */
export const createEncoder = (newTickets?: NewTicketsEncoding): CopyEncoder => new CopyEncoder(newTickets);
