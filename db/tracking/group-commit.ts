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
}

interface Waiter<T> {
  item: T;
  resolve(): void;
  reject(err: unknown): void;
}

export function createGroupCommit<T>({ write, maxWeight, weigh, maxInFlight = 1, gatherMs = 0 }: GroupCommitOptions<T>): GroupCommit<T> {
  let queue: Waiter<T>[] = [];
  let weight = 0;
  let scheduled: NodeJS.Immediate | undefined;
  let gathering: NodeJS.Timeout | undefined;
  let closed = false;
  const inFlight = new Set<Promise<void>>();

  function start(): void {
    if (scheduled) clearImmediate(scheduled);
    clearTimeout(gathering);
    scheduled = gathering = undefined;
    if (queue.length === 0 || inFlight.size >= maxInFlight) return;
    const batch = queue;
    queue = [];
    weight = 0;
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
    const run = written.then(
      () => batch.forEach((w) => w.resolve()),
      (err: unknown) => batch.forEach((w) => w.reject(err)),
    );
    inFlight.add(run);
    void run.finally(() => {
      inFlight.delete(run);
      // What queued meanwhile goes next, after a moment for more to join when that is asked for.
      if (gatherMs > 0 && queue.length > 0 && weight < maxWeight && !closed) gathering ??= setTimeout(start, gatherMs);
      else start();
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
        if (weight >= maxWeight) start();
        else if (!gathering) scheduled ??= setImmediate(start);
      });
    },
    flush,
    close() {
      closed = true;
      return flush();
    },
  };
}
