/**
 * Each node's background applier: a moment after its batches commit, it applies what is queued, chunk by chunk.
 * When another node holds the applier lock, this one leaves it the turn; a report drains the rest anyway.
 */
import type { PgDb } from '../client.ts';
import { applyRollupChunk } from './applier.ts';
import type { KnownVisitors } from './known-visitors.ts';

/**
 * How long rollups may trail the raw events (SPEC 7 lets reports lag by 5 s; reports also drain before reading). Longer
 * than SQLite's 250 ms: each pass costs a dozen round trips, so larger chunks spend less per event.
 */
const EVERY_MS = 1000;
const CHUNK = 2000;

export interface RollupTimer {
  /** Asks for a pass soon. */
  nudge(): void;
  /** Stops the timer and waits for a running pass. */
  stop(): Promise<void>;
}

export function createRollupTimer(db: PgDb, timeZone: string, known?: KnownVisitors): RollupTimer {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const schedule = (ms: number) => {
    if (timer || stopped) return;
    timer = setTimeout(tick, ms);
    timer.unref();
  };

  function tick(): void {
    timer = undefined;
    running = applyRollupChunk(db, timeZone, { limit: CHUNK, wait: false, known })
      .then((n) => {
        if (n >= CHUNK) {
          // More is queued: go on now. A nudge from a commit during the pass may have set a timer a second away; left,
          // it held a loaded node to one chunk a second, and the queue grew for as long as the load lasted.
          clearTimeout(timer);
          timer = undefined;
          schedule(0);
        } else if (n === -1) schedule(EVERY_MS); // another node is applying; look again later
      })
      .catch((err: unknown) => {
        if (!stopped) console.error('Applying rollups failed; the next batch, report or start retries:', err);
      })
      .finally(() => (running = undefined));
  }

  return {
    nudge: () => schedule(EVERY_MS),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
