/**
 * In a running server: a `kb import` in another process that dies mid-write (kill -9) is undone within about a
 * second, without waiting for a restart (store.tickets.recoverInterrupted: one cheap look when there is nothing to
 * do; the undo runs in short transactions, so events are still acknowledged meanwhile).
 */
import type { Store } from '../../db/store.ts';

const EVERY_MS = 1_000;

export interface ImportWatch {
  stop(): Promise<void>;
}

export function watchInterruptedImports(store: Store, everyMs = EVERY_MS): ImportWatch {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  let stopped = false;
  const timer = setInterval(() => {
    if (busy || stopped) return;
    busy = true;
    running = store.tickets
      .recoverInterrupted()
      .catch((err: unknown) => console.error('import recovery:', err))
      .finally(() => (busy = false));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
