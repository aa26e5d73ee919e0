/**
 * Writes an import's checked rows into PostgreSQL while the file is still being read, all or nothing: one
 * transaction takes the rows chunk by chunk (COPY into a temporary table, new tickets inserted, changed ones updated,
 * their tags replaced, staged-merge.ts; for a source with no tickets yet, COPY straight into tickets and ticket_tags, new-tickets.ts)
 * while the node reads and maps the next chunk, so the server's work runs beside the node's instead of after it. The ticket rollups and the import's history row are changed in the same transaction at the
 * end: a kill -9 of the node or a restart of PostgreSQL at any moment leaves the tickets as before or as after. Same
 * rules as SQLite's writer: the first row of an id wins, later ones are repeated ids; a ticket is updated only when a
 * field or its tags differ.
 *
 * Repeated ids cost almost nothing when there are none: the node keeps a hash of each id read (SeenIds), rows whose
 * hash is new are written at once, and the few whose hash was seen are held back in the database until the end, where
 * one join with every row's (id, line) tells repeats from chance and the rest are written last.
 */
import { once } from 'node:events';
import { ImportBusyError } from '../../tickets/errors.ts';
import type { RowSink } from '../../tickets/run-import.ts';
import type { RepeatedId } from '../../tickets/staging.ts';
import type { EncodedRows, StagedRecord } from '../../tickets/worker-protocol.ts';
import type { WriteCounts } from '../../tickets/write-rows.ts';
import type { Sql } from '../client.ts';
import { LOCK } from '../locks.ts';
import { COPY_COLUMNS, TICKET_COPY_COLUMNS } from './copy-rows.ts';
import { CopyEncoder, type NewTicketsEncoding } from './copy-encoder.ts';
import { claimIds, createHeldTables, drawIdBase, settleHeldNew, sourceTickets } from './new-tickets.ts';
import { SeenIds } from './seen-ids.ts';
import { createStageTables, mergeStaged, settleHeldStaged } from './staged-merge.ts';
import { addTicketSums, refreshRequesters, ticketRollupsBuilt } from './rollups.ts';

/** Rows per chunk: large enough that each statement's overhead is small, small enough that the last one is quick. */
const CHUNK_ROWS = 20_000;
/** Chunks made but not yet taken by the server; the reader waits beyond this (bounded memory). */
const MAX_QUEUED = 1;
/** Rows from code (add()) are encoded this many at a time, as the reader's worker sends them. */
const ENCODE_ROWS = 256;

export interface TicketWriterOptions {
  source: string;
  /** imported_at of the written tickets. */
  now: number;
  /** Count new, changed and unchanged rows; write nothing (the transaction is rolled back). */
  dryRun: boolean;
  /** Wait for another writer of tickets (default; `onLockWait` is told once), or throw ImportBusyError at once. */
  waitForLock?: boolean;
  onLockWait?: () => void;
  /** Rows per chunk (tests). */
  chunkRows?: number;
  /** `sql` is the writer's own: ended once the writer is disposed of. */
  ownsConnection?: boolean;
}

/** Runs inside the transaction after the tickets and their rollups are written (records the import). */
export type RecordImport = (tx: Sql, counts: WriteCounts) => Promise<void>;

/** COPY text of one chunk: rows to write now, and rows held back (their id's hash was seen before). */
interface Chunk {
  rows: Uint8Array[];
  held: Uint8Array[];
  /** A new source's tag lines (NewTicketsEncoding): of the rows written now, and of the held ones. */
  tags: Uint8Array[];
  heldTags: Uint8Array[];
  /** Rows in `rows`. */
  count: number;
}

class RolledBack extends Error {}


/** Starts the import's transaction on `sql` (a pool or one connection of its own) and waits for its ticket lock. */
export async function openTicketWriter(sql: Sql, opts: TicketWriterOptions): Promise<TicketWriter> {
  const writer = new TicketWriter(sql, opts);
  try {
    await writer.started;
  } catch (err) {
    await writer.dispose();
    throw err;
  }
  return writer;
}

export class TicketWriter implements RowSink {
  readonly counts: WriteCounts = { imported: 0, updated: 0, unchanged: 0 };
  readonly started: Promise<void>;
  private readonly repeated = { count: 0, first: [] as RepeatedId[] };
  private readonly chunkRows: number;
  /** Encodes the batches the reader's worker maps; rows given one by one (add()) are encoded here. */
  readonly encoder = new URL('./copy-encoder.ts', import.meta.url).href;
  private local = new CopyEncoder();
  /** Set when the source has no tickets yet and this is no dry run: rows go straight into tickets (new-tickets.ts). */
  private newTickets?: NewTicketsEncoding;
  private readonly seen = new SeenIds();
  /** The chunk being made: its rows to write now and held rows, how many of each. */
  private rows: Uint8Array[] = [];
  private held: Uint8Array[] = [];
  private tags: Uint8Array[] = [];
  private heldTags: Uint8Array[] = [];
  private count = 0;
  private rowCount = 0;
  /** Rows held back in the whole import. */
  private heldCount = 0;
  private readonly queue: Chunk[] = [];
  /** No more chunks will come (finish() or dispose()). */
  private ended = false;
  private writes = true;
  private failure: unknown;
  private decide?: (record: RecordImport | undefined | false) => void;
  private readonly decided: Promise<RecordImport | undefined | false>;
  private wakeServer?: () => void;
  private wakeReader?: () => void;
  private drained?: () => void;
  private readonly done: Promise<void>;
  /** The tickets' id sequence. */
  private sequence = '';

  constructor(
    private readonly sql: Sql,
    private readonly opts: TicketWriterOptions,
  ) {
    this.chunkRows = opts.chunkRows ?? CHUNK_ROWS;
    this.decided = new Promise((resolve) => (this.decide = resolve));
    let started!: () => void;
    const begun = new Promise<void>((resolve) => (started = resolve));
    // sql.begin, not BEGIN on a reserved connection: a dropped connection fails the transaction here instead of
    // leaving later statements to run outside it.
    const transaction = sql.begin((tx) => this.run(tx as unknown as Sql, started));
    this.done = transaction.then(
      () => undefined,
      (err: unknown) => {
        if (!(err instanceof RolledBack)) this.fail(err);
      },
    );
    this.started = Promise.race([begun, this.done.then(() => this.check())]);
  }

  /** What the reader's worker gives createEncoder() (copy-encoder.ts): known once the writer has started. */
  get encoderOptions(): NewTicketsEncoding | undefined {
    return this.newTickets;
  }

  add(record: StagedRecord): void {
    this.local.add(record);
    if (this.local.pending >= ENCODE_ROWS) this.append(this.local.take());
  }

  addEncoded(rows: EncodedRows): void {
    // Rows given one by one came first in the file: they go first, so the first row of an id stays first.
    if (this.local.pending) this.append(this.local.take());
    this.append(rows);
  }

  ready(): Promise<void> | undefined {
    this.check();
    if (this.queue.length < MAX_QUEUED) return undefined;
    return new Promise<void>((resolve) => (this.wakeReader = resolve)).then(() => this.check());
  }

  refuseWrites(): void {
    this.writes = false;
  }

  async finish(): Promise<{ count: number; first: RepeatedId[] }> {
    this.flush();
    const drained = new Promise<void>((resolve) => (this.drained = resolve));
    this.ended = true;
    this.wakeServer?.();
    await Promise.race([drained, this.done]);
    this.check();
    return this.repeated;
  }

  /** Records the import (`record`, in the transaction) and commits; a dry run rolls back. The counts of new, changed, unchanged. */
  async commit(record?: RecordImport): Promise<WriteCounts> {
    this.decide?.(record);
    await this.done;
    this.check();
    return this.counts;
  }

  async dispose(): Promise<void> {
    this.ended = true;
    this.queue.length = 0;
    this.decide?.(false);
    this.wakeServer?.();
    this.wakeReader?.();
    await this.done;
    if (this.opts.ownsConnection) await this.sql.end();
  }

  /** Adds encoded rows to the chunk: those whose id's hash was seen before are held back. */
  private append({ rows, idHashes, tags }: EncodedRows): void {
    let held: number[] | undefined;
    for (let i = 0; i < idHashes.length; i++) if (this.seen.add(idHashes[i]!)) (held ??= []).push(i);
    if (!held) {
      this.rows.push(rows);
      if (tags) this.tags.push(tags);
    } else {
      // Rare (a repeat, or a shared hash): the lines are cut apart at their newlines (COPY text escapes its own).
      const heldIds = new Set<string>();
      for (const [i, line] of lines(rows).entries()) {
        if (held.includes(i)) {
          this.held.push(line);
          if (tags) heldIds.add(leadingField(line));
        } else this.rows.push(line);
      }
      // A new source's tag lines start with their row's ticket id.
      if (tags) for (const line of lines(tags)) (heldIds.has(leadingField(line)) ? this.heldTags : this.tags).push(line);
      this.heldCount += held.length;
    }
    this.rowCount += idHashes.length - (held?.length ?? 0);
    this.count += idHashes.length;
    if (this.count >= this.chunkRows) this.flush();
  }

  private flush(): void {
    if (this.local.pending) this.append(this.local.take());
    if (!this.count) return;
    this.queue.push({ rows: this.rows, held: this.held, tags: this.tags, heldTags: this.heldTags, count: this.rowCount });
    this.rows = [];
    this.held = [];
    this.tags = [];
    this.heldTags = [];
    this.count = 0;
    this.rowCount = 0;
    this.wakeServer?.();
  }

  private fail(err: unknown): void {
    this.failure ??= err;
    this.wakeReader?.();
    this.drained?.();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private async nextChunk(): Promise<Chunk | undefined> {
    while (!this.queue.length && !this.ended) await new Promise<void>((resolve) => (this.wakeServer = resolve));
    const chunk = this.queue.shift();
    this.wakeReader?.();
    return chunk;
  }

  private async run(tx: Sql, started: () => void): Promise<void> {
    const { source, dryRun } = this.opts;
    await this.lock(tx);
    // A source with no tickets yet needs no matching: every row not repeated is new (runNew).
    const [had] = await tx`SELECT 1 FROM tickets WHERE source = ${source} LIMIT 1`;
    const fresh = had === undefined;
    const rollups = !dryRun && (await ticketRollupsBuilt(tx));
    const [{ seq }] = await tx<[{ seq: string }]>`SELECT pg_get_serial_sequence('tickets', 'id') AS seq`;
    this.sequence = seq.replace(/'/g, "''");
    if (fresh && !dryRun) return this.runNew(tx, rollups, started);
    await createStageTables(tx, rollups);
    started();
    const send = (query: string) => this.send(tx, query);
    for (let chunk; (chunk = await this.nextChunk()); ) {
      const truncated = send('TRUNCATE kb_stage');
      await copyIn(tx, 'kb_stage', COPY_COLUMNS, chunk.rows);
      if (chunk.held.length) await copyIn(tx, 'kb_held', COPY_COLUMNS, chunk.held);
      const listed = send('INSERT INTO kb_lines SELECT external_id, line FROM kb_stage');
      if (this.writes && chunk.count) await this.take(tx, chunk.count, fresh, rollups);
      await Promise.all([truncated, listed]);
    }
    if (this.heldCount) {
      await this.settleHeld(tx);
      const first = this.heldCount - this.repeated.count;
      if (this.writes && first) await this.take(tx, first, fresh, rollups);
    }
    this.drained?.();
    const record = await this.decided;
    if (record === false || dryRun) throw new RolledBack();
    if (rollups) {
      const touched = 'tickets t JOIN kb_touched c ON c.id = t.id';
      await addTicketSums(tx, touched, 1);
      await refreshRequesters(tx, `SELECT requester FROM kb_requesters UNION SELECT t.requester FROM ${touched} WHERE t.requester IS NOT NULL`);
    }
    await record?.(tx, this.counts);
  }

  /**
   * A new source's import (new-tickets.ts): each chunk's rows and tags copied straight into tickets and ticket_tags,
   * held rows settled at the end. Bad rows refuse nothing here: the rows must be in tickets for later repeats of
   * them to be found, and a refused import is rolled back whole anyway.
   */
  private async runNew(tx: Sql, rollups: boolean, started: () => void): Promise<void> {
    const { source } = this.opts;
    const idBase = await drawIdBase(tx, this.sequence);
    await createHeldTables(tx);
    this.newTickets = { idBase, source, now: this.opts.now };
    this.local = new CopyEncoder(this.newTickets);
    started();
    for (let chunk; (chunk = await this.nextChunk()); ) {
      await copyIn(tx, 'tickets', TICKET_COPY_COLUMNS, chunk.rows);
      if (chunk.tags.length) await copyIn(tx, 'ticket_tags', 'ticket_id, tag', chunk.tags);
      if (chunk.held.length) await copyIn(tx, 'kb_held', TICKET_COPY_COLUMNS, chunk.held);
      if (chunk.heldTags.length) await copyIn(tx, 'kb_held_tags', 'ticket_id, tag', chunk.heldTags);
      this.counts.imported += chunk.count;
    }
    if (this.heldCount) {
      const { repeated, written } = await settleHeldNew(tx, source, idBase);
      Object.assign(this.repeated, repeated);
      this.counts.imported += written;
    }
    await claimIds(tx, this.sequence);
    this.drained?.();
    const record = await this.decided;
    if (record === false) throw new RolledBack();
    if (rollups) {
      const mine = sourceTickets(source);
      await addTicketSums(tx, mine, 1);
      await refreshRequesters(tx, `SELECT t.requester FROM ${mine} WHERE t.requester IS NOT NULL`);
    }
    await record?.(tx, this.counts);
  }

  /** Sends a statement whose answer is not needed without waiting for it (pipelined); await it later. */
  private send(tx: Sql, query: string): Promise<unknown> {
    const sent = tx.unsafe(query).execute();
    sent.catch(() => {}); // its failure fails the transaction, reported by what is awaited next
    return sent;
  }

  /** LOCK.tickets for the transaction: one writer of tickets at a time, so rollup deltas never interleave. */
  private async lock(tx: Sql): Promise<void> {
    if (this.opts.dryRun) return;
    const [{ got }] = await tx<[{ got: boolean }]>`SELECT pg_try_advisory_xact_lock(${LOCK.tickets}) AS got`;
    if (got) return;
    if (this.opts.waitForLock === false) throw new ImportBusyError();
    this.opts.onLockWait?.();
    await tx`SELECT pg_advisory_xact_lock(${LOCK.tickets})`;
  }

  /** Drops repeated ids from the held rows (noted); the others are left in kb_stage to be written like any chunk. */
  private async settleHeld(tx: Sql): Promise<void> {
    Object.assign(this.repeated, await settleHeldStaged(tx));
  }

  /** Classifies kb_stage's `rows` rows against the tickets and writes them (a dry run only counts). */
  private async take(tx: Sql, rows: number, fresh: boolean, rollups: boolean): Promise<void> {
    if (fresh) {
      // A dry run for a source with no tickets (a real import of one is runNew's): every row is a new ticket.
      this.counts.imported += rows;
      return;
    }
    const { source, now, dryRun } = this.opts;
    await mergeStaged(tx, { rows, rollups, source, now, dryRun, sequence: this.sequence }, this.counts);
  }
}

/** Sends COPY text into `table`'s `columns`: the pieces are in memory already, so all at once. */
async function copyIn(tx: Sql, table: string, columns: string, pieces: Uint8Array[]): Promise<void> {
  const copy = await tx.unsafe(`COPY ${table} (${columns}) FROM STDIN`).writable();
  for (const piece of pieces) copy.write(piece);
  pieces.length = 0;
  copy.end();
  await once(copy, 'finish');
}

/** The lines of COPY text (each with its newline; COPY text escapes newlines inside values). */
function lines(text: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf(10, start) + 1 || text.length;
    out.push(text.subarray(start, end));
    start = end;
  }
  return out;
}

const latin1 = new TextDecoder('latin1');

/** The first field of a line of COPY text (a ticket id, as digits). */
const leadingField = (line: Uint8Array) => latin1.decode(line.subarray(0, line.indexOf(9)));
