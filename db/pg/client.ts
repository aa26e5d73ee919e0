/**
 * Opens PostgreSQL through postgres.js (zero dependencies, COPY and pipelining built in) and wraps it in Drizzle's
 * pg dialect. int8 and numeric come back as JS numbers, as SQLite gives them: every count, sum and epoch-ms time
 * here is far below 2^53, and report code does arithmetic on them.
 */
import postgres from 'postgres';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import * as schema from './schema/index.ts';

export type Sql = postgres.Sql<{ bigint: number }>;
export type PgDb = PostgresJsDatabase<typeof schema> & { $client: Sql };

/** PostgreSQL 15 is the oldest server we run on (MERGE, NULLS NOT DISTINCT and the planner we measured). */
export const MIN_SERVER_VERSION = 150000;

export interface PgOptions {
  /** Connections in this process's pool (default 10). */
  max?: number;
  /** Settings each connection starts with (work_mem, application_name...). */
  connection?: Record<string, string>;
}

const asNumber = (x: string) => Number(x);

/**
 * Seconds before a pooled connection that was closed with an error connects again; postgres.js counts errors across
 * the whole pool until one connection succeeds. Its default grows as 3^errors/100 up to 20 s, so when PostgreSQL ends
 * all ten connections of a node at once (a restart, a failover, pg_terminate_backend) the next connect waited 10-20 s
 * and the node answered nothing meanwhile. Here: 0.1 s doubling to at most 1 s (test/pg/ingest.test.ts).
 */
const reconnectDelay = (errors: number) => Math.min(0.05 * 2 ** errors, 1);

/**
 * A transaction of `sql` whose statements go out behind BEGIN instead of after its answer: one round trip less. It is
 * postgres.js's own begin() with that difference, added by patches/postgres+3.4.9.patch (docs/scale-out.md).
 */
export function beginPipelined<T>(sql: Sql, fn: (tx: Sql) => Promise<T>): Promise<T> {
  return (sql as unknown as { beginPipelined(options: string, f: typeof fn): Promise<T> }).beginPipelined('', fn);
}

/**
 * A statement planned for its own parameters each time (not prepared: a generic plan made while a table was small can
 * scan it whole ever after) that goes out in one trip. postgres.js otherwise asks the server for an unprepared
 * statement's parameter types first, a round trip that also holds back every query pipelined behind it; the SQL here
 * casts each parameter or passes it typed (arrays.ts), so the server's inference is what postgres.js would learn
 * (`describe: false`, added by patches/postgres+3.4.9.patch).
 */
export function unprepared<T extends unknown[] = unknown[]>(sql: Sql, query: string, params: readonly unknown[]) {
  return sql.unsafe<T>(query, params as never[], { prepare: false, describe: false } as { prepare: boolean });
}

/** A pool of connections to `url`; nothing connects until the first query. */
export function openPg(url: string, options: PgOptions = {}): PgDb {
  const sql = postgres(url, {
    max: options.max ?? 10,
    connection: options.connection,
    onnotice: () => {}, // "relation already exists, skipping" and the like are not news
    connect_timeout: 10,
    idle_timeout: 60,
    backoff: reconnectDelay,
    types: {
      // int8 (20) and numeric (1700: what sum() of int8 returns) as numbers.
      bigint: { to: 20, from: [20, 1700], serialize: (x: number) => String(x), parse: asNumber },
    },
  }) as unknown as Sql;
  return drizzle(sql, { schema, casing: 'snake_case' }) as PgDb;
}

/** "host:port/database" of a URL, without the password, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'KB_DATABASE_URL';
  }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'CONNECT_TIMEOUT', 'ECONNRESET']);

/**
 * Checks that the server answers and is recent enough; throws one sentence that says which it is not.
 * Returns the server's version number (e.g. 150018).
 */
export async function checkServer(db: PgDb, url: string): Promise<number> {
  const where = describeUrl(url);
  let version: number;
  try {
    const [row] = await db.$client<[{ v: string }]>`SELECT current_setting('server_version_num') AS v`;
    version = Number(row!.v);
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    const message = err instanceof Error ? err.message : String(err);
    if (UNREACHABLE.has(code) || /connect|ECONNREFUSED|timeout/i.test(message)) {
      throw new Error(`Cannot reach PostgreSQL at ${where} (KB_DATABASE_URL): ${message}. Is the server running and the address right?`, { cause: err });
    }
    throw new Error(`PostgreSQL at ${where} (KB_DATABASE_URL) refused the connection: ${message}`, { cause: err });
  }
  const problem = versionProblem(version, where);
  if (problem) throw new Error(problem);
  return version;
}

/** The sentence for a server older than 15 (server_version_num, e.g. 140011 for 14.11), or undefined. */
export function versionProblem(version: number, where: string): string | undefined {
  if (version >= MIN_SERVER_VERSION) return undefined;
  const shown = `${Math.floor(version / 10000)}.${version % 10000}`;
  return `PostgreSQL at ${where} is version ${shown}; kb needs PostgreSQL 15 or later. Upgrade the server or point KB_DATABASE_URL at a newer one.`;
}
