/** Group commit: callers enqueue work and wait; one flush writes everything queued so far in one go. */

export interface GroupCommit<T> {
  /** Queues an item; resolves once the batch holding it was written, rejects if that write failed. */
  submit(item: T): Promise<void>;
  /** Writes whatever is queued now (also used before shutdown). */
  flush(): void;
  /** Flushes and refuses further items. */
  close(): void;
}

export interface GroupCommitOptions<T> {
  /** Writes a batch; throwing fails every item of the batch (the writer must leave nothing half-written). */
  write(items: T[]): void;
  /** Flush as soon as this much weight is queued, without waiting for the event loop to turn. */
  maxWeight: number;
  weigh(item: T): number;
}

interface Waiter<T> {
  item: T;
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Batches everything submitted during one turn of the event loop: requests whose bodies arrived together
 * share one transaction, which is what keeps ingest near bare-HTTP speed (PERF-BASELINES.md).
 */
export function createGroupCommit<T>({ write, maxWeight, weigh }: GroupCommitOptions<T>): GroupCommit<T> {
  let queue: Waiter<T>[] = [];
  let weight = 0;
  let scheduled: NodeJS.Immediate | undefined;
  let closed = false;

  function flush(): void {
    if (scheduled) clearImmediate(scheduled);
    scheduled = undefined;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    weight = 0;
    try {
      write(batch.map((w) => w.item));
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    for (const w of batch) w.resolve();
  }

  return {
    submit(item) {
      if (closed) return Promise.reject(new Error('The ingest writer is closed; the event was not stored.'));
      return new Promise<void>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        weight += weigh(item);
        if (weight >= maxWeight) flush();
        else scheduled ??= setImmediate(flush);
      });
    },
    flush,
    close() {
      closed = true;
      flush();
    },
  };
}
