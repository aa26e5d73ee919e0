/** Waits for what the server stored: browser tests check the database, not what the page was seen to send. */
import type { Db } from '../../db/sqlite/client.ts';

export type EventRow = Record<string, unknown> & { type: string };

/** All stored events of some types, oldest first. */
export function storedEvents(db: Db, ...types: string[]): EventRow[] {
  const rows = db.$client.prepare('SELECT * FROM events ORDER BY id').all() as EventRow[];
  return types.length ? rows.filter((r) => types.includes(r.type)) : rows;
}

/** Polls until `check` returns rows (non-empty), or fails after `timeoutMs` with what was stored. */
export async function waitForEvents(
  db: Db,
  check: (rows: EventRow[]) => EventRow[] | undefined | false,
  timeoutMs = 5000,
): Promise<EventRow[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const rows = storedEvents(db);
    const found = check(rows);
    if (found && found.length) return found;
    if (Date.now() > until) throw new Error(`Expected events did not arrive; stored: ${JSON.stringify(rows, null, 1)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
