/** Keeps the report rollups up to date with each stored batch of events (called inside the ingest transaction). */
import type { Config } from '../../api/env.ts';
import type { Db } from '../client.ts';
import type { events } from '../schema/index.ts';

/** A stored event row, with its id. */
export type StoredEvent = typeof events.$inferSelect;

/** Updates the derived tables for rows just inserted. Runs inside the caller's transaction. */
export function applyEventRollups(_db: Db, _rows: readonly StoredEvent[], _config: Config): void {
  // The reports issue fills this in; until then reports read raw events.
}
