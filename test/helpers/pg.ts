/**
 * A fresh migrated PostgreSQL database per test file, made in a fraction of a second by copying a template that
 * the global setup migrated once (CREATE DATABASE ... TEMPLATE). The cluster comes from KB_TEST_DATABASE_URL
 * (bin/with-postgres, `npm run test:pg`, .ci/run); without it the PostgreSQL tests are skipped, and say so.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { loadConfig } from '../../api/env.ts';
import type { Config } from '../../db/shared/config.ts';
import { openPg, type PgDb } from '../../db/pg/client.ts';
import { migratePg } from '../../db/pg/migrate.ts';

/** The test cluster's URL (any database on it), or undefined when the suite runs without PostgreSQL. */
export const pgTestUrl = process.env.KB_TEST_DATABASE_URL || undefined;

/** Why PostgreSQL tests did not run, for describe.skipIf titles. */
export const NO_PG = 'KB_TEST_DATABASE_URL is not set (run `npm run test:pg` to include the PostgreSQL tests)';

const migrations = fileURLToPath(new URL('../../db/pg/migrations', import.meta.url));

/** The template's name follows the migrations, so a changed schema never reuses a stale template. */
export function templateName(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(migrations);
  return `kb_template_${hash.digest('hex').slice(0, 12)}`;
}

/** URL of another database on the same cluster. */
export function databaseUrl(base: string, database: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates and migrates the template once per cluster (called by the global setup; safe to call again). */
export async function ensureTemplate(base: string): Promise<string> {
  const name = templateName();
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`;
    if (exists) return name;
    const building = `${name}_build_${randomBytes(3).toString('hex')}`;
    await admin.unsafe(`CREATE DATABASE "${building}"`);
    const db = openPg(databaseUrl(base, building), { max: 2 });
    await migratePg(db);
    await db.$client.end();
    // Renamed only once complete, so a template is never half migrated; a parallel builder that lost the race drops its copy.
    await admin.unsafe(`ALTER DATABASE "${building}" RENAME TO "${name}"`).catch(async () => admin.unsafe(`DROP DATABASE "${building}"`));
    return name;
  } finally {
    await admin.end();
  }
}

export interface TempPg {
  db: PgDb;
  /** The test database's URL (what KB_DATABASE_URL would be). */
  url: string;
  name: string;
  config: Config;
  cleanup(): Promise<void>;
}

/** A new database copied from the migrated template, with a config pointing at it. */
export async function tempPg(env: Record<string, string> = {}): Promise<TempPg> {
  if (!pgTestUrl) throw new Error(NO_PG);
  const template = await ensureTemplate(pgTestUrl);
  const name = `kb_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(pgTestUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await admin.end();
  const url = databaseUrl(pgTestUrl, name);
  const db = openPg(url, { max: 4 });
  const config = loadConfig({ KB_DATABASE_URL: url, ...env });
  return {
    db,
    url,
    name,
    config,
    async cleanup() {
      await db.$client.end({ timeout: 5 });
      const drop = postgres(pgTestUrl!, { max: 1, onnotice: () => {} });
      await drop.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await drop.end();
    },
  };
}
