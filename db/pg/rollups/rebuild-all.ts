/** `kb migrate --rebuild-rollups` on PostgreSQL: events and tickets rebuilt in `timeZone`, which becomes the database's zone. */
import type { PgDb, Sql } from '../client.ts';
import { LOCK } from '../locks.ts';
import { rebuildTicketRollupsIn } from '../tickets/rollups.ts';
import { rebuildPgRollups } from './rebuild.ts';

export async function rebuildAllPgRollups(db: PgDb, timeZone: string, onProgress?: (done: number, total: number) => void): Promise<number> {
  const events = await rebuildPgRollups(db, timeZone, onProgress);
  await db.$client.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${LOCK.tickets})`;
    await rebuildTicketRollupsIn(tx as unknown as Sql, timeZone);
  });
  return events;
}
