/**
 * Group commit, for both stores: callers enqueue work and wait; everything queued together goes out in one write,
 * and each caller is answered only after the write holding its item succeeded. The write may be synchronous
 * (SQLite: a batch is everything submitted during one turn of the event loop, written before flush() returns) or
 * asynchronous (PostgreSQL: one transaction in flight while the next batch gathers, so the slower the round trips,
 * the larger the batches and the fewer statements per event).
 */

export interface GroupCommit<T> {
  /** Queues an item; resolves once the batch holding it was written, rejects if that write failed (nothing of it is stored). */
  submit(item: T): Promise<void>;
  /** Writes what is queued; resolves when everything submitted so far is written or failed (a synchronous write is done on return). */
  flush(): Promise<void>;
  /** Flushes and refuses further items. */
  close(): Promise<void>;
}

export interface GroupCommitOptions<T> {
  /** Writes a batch; throwing or rejecting fails every item of the batch (the writer must leave nothing half-written). */
  write(items: T[]): void | Promise<void>;
  /** Start a batch as soon as this much weight is queued, without waiting for the event loop to turn. */
  maxWeight: number;
  weigh(item: T): number;
  /** Asynchronous writes in flight at once (default 1: one batch commits while the next one gathers). */
  maxInFlight?: number;
  /**
   * When an asynchronous write finishes with work already waiting, hold the next batch open this long (ms) for more
   * to join (default 0). Under load, fewer, larger transactions cost less per item; with nothing waiting nobody waits.
   */
  gatherMs?: number;
  /**
   * Start asynchronous batches at most this often (ms, default 0): under a steady stream, an item that comes sooner
   * after the last batch started waits for the rest of this time, so a batch holds what arrives in it rather than one
   * item each (a transaction's fixed cost, paid per item, dominates below saturation). An item after a quiet spell
   * goes at once. A held batch starts early once it holds nine in ten of the items that were waiting on the write that
   * finished: callers that send again when answered (a saturated load) are back, and holding longer would only idle
   * them. Not all of them: one caller slow to come back (busy elsewhere, preempted) would hold the rest for the whole
   * of this time, and a closed loop lost a quarter of its events/s that way with 25 ms.
   */
  batchEveryMs?: number;
}

/** The share of the last write's callers whose return ends a held batch (batchEveryMs). */
const BACK = 0.9;

interface Waiter<T> {
  item: T;
  resolve(): void;
  reject(err: unknown): void;
}

export function createGroupCommit<T>({
  write,
  maxWeight,
  weigh,
  maxInFlight = 1,
  gatherMs = 0,
  batchEveryMs = 0,
}: GroupCommitOptions<T>): GroupCommit<T> {
  let queue: Waiter<T>[] = [];
  let weight = 0;
  let scheduled: NodeJS.Immediate | undefined;
  /** The next batch, held open for more to join until this timer fires. */
  let held: NodeJS.Timeout | undefined;
  /** A held batch starts once it holds this many items (the callers that waited on the last write). */
  let cohort = Infinity;
  let lastStart = -Infinity;

  let closed = false;
  const inFlight = new Set<Promise<void>>();

  /** Starts the next batch at `at` (performance.now() time), or on the next turn of the event loop if that has passed. */
  function startAt(at: number): void {
    const ms = at - performance.now();
    if (ms <= 0) scheduled ??= setImmediate(start);
    else held ??= setTimeout(start, ms);
  }

  function start(): void {
    if (scheduled) clearImmediate(scheduled);
    clearTimeout(held);
    scheduled = held = undefined;
    cohort = Infinity;
    if (queue.length === 0 || inFlight.size >= maxInFlight) return;
    const batch = queue;
    queue = [];
    weight = 0;
    lastStart = performance.now();
    let written: void | Promise<void>;
    try {
      written = write(batch.map((w) => w.item));
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    if (!written) {
      for (const w of batch) w.resolve();
      return;
    }
    // How many waited on this write, counted before any is answered: an answered caller in this process may send
    // again before the handler below runs, and would be counted twice.
    let waited = 0;
    const run = written
      .finally(() => void (waited = batch.length + queue.length))
      .then(
        () => batch.forEach((w) => w.resolve()),
        (err: unknown) => batch.forEach((w) => w.reject(err)),
      );
    inFlight.add(run);
    void run.finally(() => {
      inFlight.delete(run);
      // What queued meanwhile goes next, after a moment for more to join when that is asked for. With nothing queued,
      // start() finds nothing and the cohort is forgotten: the next batch is held for the whole of batchEveryMs.
      // Keeping it instead helps a saturated closed loop (its callers are all on their way back), but under a steady
      // stream each batch would then start once it held nine in ten of the one before, and shrink (bench/results/pg.md).
      cohort = Math.ceil(waited * BACK);
      if (queue.length === 0 || queue.length >= cohort || weight >= maxWeight || closed) return start();
      startAt(Math.max(performance.now() + gatherMs, lastStart + batchEveryMs));
    });
  }

  async function flush(): Promise<void> {
    start();
    while (inFlight.size > 0 || queue.length > 0) {
      await Promise.race(inFlight);
      start();
    }
  }

  return {
    submit(item) {
      if (closed) return Promise.reject(new Error('The ingest writer is closed; the event was not stored.'));
      return new Promise<void>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        weight += weigh(item);
        if (weight >= maxWeight || queue.length >= cohort) start();
        else if (!held && inFlight.size < maxInFlight) startAt(lastStart + batchEveryMs);
      });
    },
    flush,
    close() {
      closed = true;
      return flush();
    },
  };
}
