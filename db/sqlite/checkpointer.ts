/** Background WAL checkpoints: keeps checkpoint fsyncs off the event loop that answers requests. */
import { Worker } from 'node:worker_threads';
import type { Db } from './client.ts';

export interface Checkpointer {
  /** Stops the worker; the last connection to close checkpoints what is left. */
  stop(): Promise<void>;
}

/**
 * SQLite checkpoints a WAL database from whichever connection commits past 1000 pages, and that commit then
 * waits for an fsync of the database file. Under ingest load that stalled the event loop for milliseconds
 * at a time (bench/results/ingest.md). Here the main connection never checkpoints; a worker thread with
 * its own connection does, every `everyMs`. Commits stay durable across a crash either way (WAL, synchronous=NORMAL).
 */
export function startCheckpointer(db: Db, file: string, everyMs = 500): Checkpointer {
  db.$client.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(new URL('./checkpoint-worker.ts', import.meta.url), { workerData: { file, everyMs } });
  worker.unref();
  return {
    async stop() {
      const closed = new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        worker.once('exit', () => resolve());
      });
      worker.postMessage('stop');
      await closed;
      await worker.terminate();
      db.$client.pragma('wal_autocheckpoint = 1000');
    },
  };
}
