/** Applies the committed drizzle-kit migrations for PostgreSQL (db/pg/migrations); used by start-up, `kb migrate` and tests. */
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import type { PgDb } from './client.ts';
import { LOCK } from './locks.ts';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Brings the database up to the newest schema. Several nodes may start at once: a session advisory lock, held on
 * one reserved connection while the migrator runs on the pool, lets one of them migrate while the others wait and
 * then find nothing to do.
 */
export async function migratePg(db: PgDb): Promise<void> {
  const lockConn = await db.$client.reserve();
  try {
    await lockConn`SELECT pg_advisory_lock(${LOCK.migrate})`;
    try {
      await migrate(db, { migrationsFolder });
    } finally {
      await lockConn`SELECT pg_advisory_unlock(${LOCK.migrate})`;
    }
  } finally {
    lockConn.release();
  }
}
