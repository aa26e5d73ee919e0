/**
 * Group commit over a network: callers enqueue and wait; everything queued while the previous transaction was in
 * flight goes out together in the next one, so the slower the round trips, the larger the batches (and the fewer
 * statements per event). Each caller is answered only after its own transaction committed.
 */

export interface AsyncGroupCommit<T> {
  /** Resolves once the transaction holding the item committed; rejects if it failed (nothing of it is stored). */
  submit(item: T): Promise<void>;
  /** Resolves when everything submitted so far is written (or failed). */
  flush(): Promise<void>;
  /** Flushes and refuses further items. */
  close(): Promise<void>;
}

export interface AsyncGroupCommitOptions<T> {
  write(items: T[]): Promise<void>;
  /** Start a batch at once when this much weight waits, without waiting for the event loop to turn. */
  maxWeight: number;
  weigh(item: T): number;
  /** Transactions in flight at once (default 1: one batch commits while the next one gathers). */
  maxInFlight?: number;
}

interface Waiter<T> {
  item: T;
  resolve(): void;
  reject(err: unknown): void;
}

export function createAsyncGroupCommit<T>({ write, maxWeight, weigh, maxInFlight = 1 }: AsyncGroupCommitOptions<T>): AsyncGroupCommit<T> {
  let queue: Waiter<T>[] = [];
  let weight = 0;
  let scheduled: NodeJS.Immediate | undefined;
  let closed = false;
  const inFlight = new Set<Promise<void>>();

  function start(): void {
    if (scheduled) clearImmediate(scheduled);
    scheduled = undefined;
    if (queue.length === 0 || inFlight.size >= maxInFlight) return;
    const batch = queue;
    queue = [];
    weight = 0;
    const run = write(batch.map((w) => w.item)).then(
      () => batch.forEach((w) => w.resolve()),
      (err: unknown) => batch.forEach((w) => w.reject(err)),
    );
    inFlight.add(run);
    void run.finally(() => {
      inFlight.delete(run);
      start(); // what queued meanwhile goes next
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
        else scheduled ??= setImmediate(start);
      });
    },
    flush,
    async close() {
      closed = true;
      await flush();
    },
  };
}
