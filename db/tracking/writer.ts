/** The ingest writer: validated events in, one transaction per batch of concurrent callers; rollups follow shortly. */
import type { TrackEvent } from '../shared/event.ts';
import type { Config } from '../shared/config.ts';
import type { Db } from '../sqlite/client.ts';
import type { StoredEvent } from '../reports/rollups/events.ts';
import { catchUpAllRollups, catchUpRollups, initRollupWatermark } from '../reports/rollups/catch-up.ts';
import { KnownKeys } from '../reports/rollups/deferred.ts';
import { createGroupCommit } from './group-commit.ts';
import { createSaltBook, utcDay } from './salts.ts';
import { createSessionBook } from './sessions.ts';
import { afterInsert, toParams, toStored } from './settle.ts';
import { eventValues, prepareIngestStatements } from './ingest-statements.ts';
import { visitorHash } from './visitor-hash.ts';

/** Who sent the events. Used for the visitor hash only; neither value is ever written to the database. */
export interface ClientInfo {
  ip: string;
  userAgent: string;
  /** When the events happened, epoch ms; defaults to now. Backfills (the demo) pass it explicitly. */
  now?: number;
}

export interface Ingest {
  /**
   * Stores validated events from one client and resolves with how many were stored, once they are committed.
   * Calls made without awaiting each other are written together in one transaction.
   */
  store(events: readonly TrackEvent[], client: ClientInfo): Promise<number>;
  /** Writes whatever is queued right now and brings the rollups up to date with it. */
  flush(): void;
  /** Writes what is queued and refuses further events; call before closing the database. */
  close(): Promise<void>;
}

export interface IngestOptions {
  /** Flush without waiting for the event loop once this many events are queued. */
  maxBatchEvents?: number;
  /** The clock (epoch ms) for events stored without an explicit time and for dropping past salts at open. */
  clock?: () => number;
}

interface Pending {
  events: readonly TrackEvent[];
  client: ClientInfo;
  ts: number;
}

const SWEEP_EVERY_MS = 60_000;
/**
 * How long the rollups may trail the raw events. Applying them in their own, larger transactions sums most
 * counter updates in memory (SPEC 7 lets reports lag by up to 5 s; reports also catch up before reading).
 */
const ROLLUP_EVERY_MS = 250;
/** Events per rollup transaction, so one catch-up never holds the event loop for long. */
const ROLLUP_CHUNK = 1000;

/** Builds the writer on an open, migrated database. */
export function createIngest(db: Db, config: Config, options: IngestOptions = {}): Ingest {
  const stmts = prepareIngestStatements(db.$client);
  const clock = options.clock ?? Date.now;
  const salts = createSaltBook(stmts, utcDay(clock()));
  const sessions = createSessionBook(stmts);
  const attributionMs = config.attributionMinutes * 60_000;
  let lastSweep = 0;
  initRollupWatermark(db.$client);
  catchUpAllRollups(db, config); // events a crash left stored but not yet rolled up
  let rollupTimer: NodeJS.Timeout | undefined;
  const knownRollupKeys = new KnownKeys();

  /**
   * Applies a chunk of pending rollups, coming back at once while more remain. After a failure the events
   * stay past the watermark: the next commit, report or start-up applies them.
   */
  function rollupTick(): void {
    rollupTimer = undefined;
    // A database closed without closing the writer first (an app dropped in a test) has nothing left to roll up.
    if (!db.$client.open) return;
    try {
      if (catchUpRollups(db, config, ROLLUP_CHUNK, knownRollupKeys) === ROLLUP_CHUNK) scheduleRollups(0);
    } catch (err) {
      console.error('Applying rollups failed; the next batch, report or start-up retries:', err);
    }
  }

  function scheduleRollups(ms = ROLLUP_EVERY_MS): void {
    if (rollupTimer) return;
    rollupTimer = setTimeout(rollupTick, ms);
    rollupTimer.unref();
  }

  const writeBatch = db.$client.transaction((batch: Pending[]) => {
    const byId = new Map<number, StoredEvent>();
    for (const { events, client, ts } of batch) {
      const visitor = visitorHash(salts.saltFor(utcDay(ts)), client.ip, client.userAgent);
      for (const event of events) {
        const session = sessions.sessionFor(visitor, ts);
        const params = toParams(event, ts, visitor, session, attributionMs);
        const row = toStored(Number(stmts.insertEvent.run(...eventValues(params)).lastInsertRowid), params);
        byId.set(row.id, row);
        afterInsert(row, session, stmts, byId);
      }
    }
    sessions.persistTouched();
  });

  const commits = createGroupCommit<Pending>({
    maxWeight: options.maxBatchEvents ?? 2000,
    weigh: (p) => p.events.length,
    write(batch) {
      try {
        writeBatch(batch);
      } catch (err) {
        // The transaction rolled back; what memory learnt from it is wrong now.
        sessions.reset();
        salts.reload();
        throw err;
      }
      scheduleRollups();
      const now = batch.at(-1)?.ts ?? clock();
      if (Math.abs(now - lastSweep) > SWEEP_EVERY_MS) {
        sessions.sweep(now);
        lastSweep = now;
      }
    },
  });

  return {
    async store(events, client) {
      if (events.length === 0) return 0;
      await commits.submit({ events, client, ts: client.now ?? clock() });
      return events.length;
    },
    flush() {
      commits.flush();
      catchUpAllRollups(db, config);
    },
    async close() {
      commits.close();
      if (rollupTimer) clearTimeout(rollupTimer);
      rollupTimer = undefined;
      catchUpAllRollups(db, config);
    },
  };
}
