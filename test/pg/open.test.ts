import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/env.ts';
import { checkServer, openPg, versionProblem } from '../../db/pg/client.ts';
import { migratePg } from '../../db/pg/migrate.ts';
import { openPgDatabase } from '../../db/pg/open.ts';
import { NO_PG, pgTestUrl, tempPg, type TempPg } from '../helpers/pg.ts';

describe.skipIf(!pgTestUrl)(`opening PostgreSQL${pgTestUrl ? '' : ` (skipped: ${NO_PG})`}`, () => {
  let t: TempPg;
  beforeAll(async () => void (t = await tempPg()));
  afterAll(() => t.cleanup());

  it('reads int8 and numeric results as numbers, epoch milliseconds included', async () => {
    const [row] = await t.db.$client`SELECT count(*) AS n, sum(1795585524260::bigint) AS s, 1795585524260::bigint AS ts`;
    expect(row).toEqual({ n: 1, s: 1795585524260, ts: 1795585524260 });
  });

  it('migrates once when several nodes start at the same moment, and again finds nothing to do', async () => {
    const nodes = [openPg(t.url, { max: 2 }), openPg(t.url, { max: 2 }), openPg(t.url, { max: 2 })];
    await Promise.all(nodes.map((db) => migratePg(db)));
    await migratePg(nodes[0]!);
    const [{ n }] = await t.db.$client<[{ n: number }]>`SELECT count(*) AS n FROM drizzle.__drizzle_migrations`;
    expect(n).toBeGreaterThan(0);
    const tables = await t.db.$client`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`;
    expect(tables.map((r) => r.tablename)).toEqual(expect.arrayContaining(['events', 'sessions', 'salts', 'rollup_batches', 'tickets', 'contact_outbox']));
    await Promise.all(nodes.map((db) => db.$client.end()));
  });

  it('records KB_TZ on the first start and refuses a node with another zone, saying both', async () => {
    const first = await openPgDatabase(loadConfig({ KB_DATABASE_URL: t.url, KB_TZ: 'Europe/Berlin' }));
    await first.$client.end();
    const same = await openPgDatabase(loadConfig({ KB_DATABASE_URL: t.url, KB_TZ: 'Europe/Berlin' }));
    await same.$client.end();
    await expect(openPgDatabase(loadConfig({ KB_DATABASE_URL: t.url, KB_TZ: 'UTC' }))).rejects.toThrow(
      /set up with KB_TZ=Europe\/Berlin, but this node has KB_TZ=UTC/,
    );
  });

  it('says the server cannot be reached, naming where, without the password', async () => {
    const url = 'postgres://kb:secret-pw@127.0.0.1:1/kb';
    const db = openPg(url, { max: 1 });
    const error = await checkServer(db, url).catch((e: Error) => e);
    await db.$client.end();
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Cannot reach PostgreSQL at 127\.0\.0\.1:1\/kb \(KB_DATABASE_URL\)/);
    expect((error as Error).message).not.toContain('secret-pw');
  });

  it('says a login the server refuses, and which database', async () => {
    const url = new URL(pgTestUrl!);
    url.pathname = '/no_such_database_here';
    const db = openPg(url.toString(), { max: 1 });
    await expect(checkServer(db, url.toString())).rejects.toThrow(/refused the connection: .*no_such_database_here/);
    await db.$client.end();
  });

  it('names an older server and the version it needs', () => {
    expect(versionProblem(140011, 'db:5432/kb')).toBe(
      'PostgreSQL at db:5432/kb is version 14.11; kb needs PostgreSQL 15 or later. Upgrade the server or point KB_DATABASE_URL at a newer one.',
    );
    expect(versionProblem(150000, 'x')).toBeUndefined();
  });

  it('keeps each test file in its own database', async () => {
    const other = await tempPg();
    await other.db.$client`INSERT INTO salts (day, salt) VALUES ('2026-01-01', 'x')`;
    const [{ n }] = await t.db.$client<[{ n: number }]>`SELECT count(*) AS n FROM salts`;
    expect(n).toBe(0);
    await other.cleanup();
    const admin = postgres(pgTestUrl!, { max: 1 });
    expect(await admin`SELECT 1 FROM pg_database WHERE datname = ${other.name}`).toHaveLength(0);
    await admin.end();
  });
});
