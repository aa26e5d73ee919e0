/** A temp database with the ingest writer on it, for settling rules driven with explicit times. */
import type { TrackEvent } from '../../db/shared/event.ts';
import { createIngest, type Ingest } from '../../db/tracking/writer.ts';
import { tempDb, type TempDb } from './db.ts';
import { DESKTOP_UA } from './browser.ts';

export interface IngestDb extends TempDb {
  ingest: Ingest;
  /** Stores events for one client at a time given in minutes after `t0`. */
  at(minutes: number, events: TrackEvent | TrackEvent[], client?: { ip?: string; userAgent?: string }): Promise<number>;
  rows(): Array<Record<string, unknown>>;
  /** Opens a second writer on the same file, as a restarted server would. */
  restart(): void;
}

/** 2026-03-02T09:00:00Z, a fixed start so tests do not depend on the clock. */
export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

export function ingestDb(env: Record<string, string> = {}): IngestDb {
  const t = tempDb(env);
  const self: IngestDb = {
    ...t,
    ingest: createIngest(t.db, t.config, { clock: () => T0 }),
    at(minutes, events, client = {}) {
      return self.ingest.store(Array.isArray(events) ? events : [events], {
        ip: client.ip ?? '192.0.2.1',
        userAgent: client.userAgent ?? DESKTOP_UA,
        now: T0 + minutes * 60_000,
      });
    },
    rows: () => t.db.$client.prepare('SELECT * FROM events ORDER BY id').all() as Array<Record<string, unknown>>,
    restart() {
      void self.ingest.close();
      self.ingest = createIngest(t.db, t.config, { clock: () => T0 });
    },
  };
  return self;
}
