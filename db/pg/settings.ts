/**
 * Facts every node must agree on, recorded in the database by the first node to start: today the report zone
 * (KB_TZ). Nodes that disagree would rebuild the rollups against each other; a node with another zone refuses
 * to start instead.
 */
import { sql } from 'drizzle-orm';
import type { PgDb } from './client.ts';
import { LOCK } from './locks.ts';

/** Records `timeZone` on first start; throws a sentence when the database was set up with another zone. */
export async function checkTimeZone(db: PgDb, timeZone: string): Promise<void> {
  const stored = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK.settings})`);
    const [row] = await tx.execute<{ value: string }>(sql`SELECT value FROM rollup_state WHERE key = 'timeZone'`);
    if (row) return row.value;
    await tx.execute(sql`INSERT INTO rollup_state (key, value) VALUES ('timeZone', ${timeZone})`);
    return timeZone;
  });
  if (stored !== timeZone) {
    throw new Error(
      `This database was set up with KB_TZ=${stored}, but this node has KB_TZ=${timeZone}. Every node must count days in the same zone: ` +
        `set KB_TZ=${stored} here, or to change the zone for all nodes stop them all and run \`kb migrate --rebuild-rollups\` with the new KB_TZ.`,
    );
  }
}
