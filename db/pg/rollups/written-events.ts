/**
 * The events this node committed lately, as it wrote them (docs/scale-out.md, "Events the applier need not read
 * back"): the applier takes a queued event from here instead of reading it back from PostgreSQL. Most queued
 * events were written by the node whose applier takes them a second later, and reading them back cost both sides
 * more than anything else in a chunk but the visitor sets.
 *
 * Exact because a stored event never changes in any column the rollups read (only `clicked` is updated later,
 * and the rollups count clicks from the click events themselves), and because an id is never given twice: a row
 * here is the row in `events` with that id, or that id has no row (its batch failed, so it has no queue row
 * either). What the cache does not hold (other nodes' events, rows kept past their time, a node that restarted)
 * is read from PostgreSQL as before. A new rollups mark (a rebuild, kb copy: events may have been replaced) empties it.
 */
import type { StoredEvent } from '../../reports/rollups/events.ts';

/**
 * How long a row is kept: the applier of its node takes it about a second after it committed; past this, another
 * node's applier has most likely taken it, and a row kept for nothing costs the GC (it is promoted).
 */
const KEEP_MS = 2_000;
/** Rows kept at most (memory, and old-generation work for the GC), whatever their age. */
const MAX_ROWS = 50_000;

export class WrittenEvents {
  private mark: string | null | undefined;
  private readonly rows = new Map<number, StoredEvent>();
  /** Committed batches' ids, oldest first, with when they were added: rows not taken leave by batch. */
  private readonly batches: Array<{ at: number; ids: number[] }> = [];

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** After a batch committed: its rows as they were written. */
  add(rows: readonly StoredEvent[]): void {
    const at = this.clock();
    for (const row of rows) this.rows.set(row.id, row);
    this.batches.push({ at, ids: rows.map((r) => r.id) });
    this.forget(at);
  }

  /** Called with the mark a chunk read under the applier lock: a new mark empties the cache (as KnownVisitors.use). */
  use(mark: string | null): void {
    if (mark === this.mark) return;
    this.rows.clear();
    this.batches.length = 0;
    this.mark = mark;
  }

  /**
   * The rows of `ids` (the smallest queued ids) it holds (they leave it), and the ids it does not hold. Rows below
   * the smallest were taken by another node's applier (or committed since, and are read then): they leave too.
   */
  take(ids: readonly number[]): { found: StoredEvent[]; missing: number[] } {
    const found: StoredEvent[] = [];
    const missing: number[] = [];
    let lowest = Infinity;
    for (const id of ids) if (id < lowest) lowest = id;
    while (this.batches.length > 0 && this.batches[0]!.ids.every((id) => id < lowest)) {
      for (const id of this.batches.shift()!.ids) this.rows.delete(id);
    }
    for (const id of ids) {
      const row = this.rows.get(id);
      if (row === undefined) missing.push(id);
      else {
        found.push(row);
        this.rows.delete(id);
      }
    }
    this.forget(this.clock());
    return { found, missing };
  }

  private forget(now: number): void {
    while (this.batches.length > 0 && (this.batches[0]!.at < now - KEEP_MS || this.rows.size > MAX_ROWS)) {
      for (const id of this.batches.shift()!.ids) this.rows.delete(id);
    }
  }
}
