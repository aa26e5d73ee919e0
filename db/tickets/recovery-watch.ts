/**
 * In a running server: a `kb import` in another process that dies mid-write (kill -9) is undone within about a
 * second, without waiting for a restart. Each look is one query on the small imports table; the undo yields to
 * the event loop between its short transactions, so events are still acknowledged meanwhile.
 */
import type { Db } from '../sqlite/client.ts';
import { recoverInterruptedImportsAsync } from './journal.ts';

const EVERY_MS = 1_000;

export interface ImportWatch {
  stop(): Promise<void>;
}

export function watchInterruptedImports(db: Db, everyMs = EVERY_MS): ImportWatch {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy || !db.$client.open) return;
    busy = true;
    running = recoverInterruptedImportsAsync(db)
      .catch((err: unknown) => console.error('import recovery:', err))
      .finally(() => (busy = false));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
