/**
 * The rollup applier's reads stay index probes of the chunk's own sessions as the events table grows, with or
 * without statistics: a plan that reads every search in the table costs each chunk more as the history grows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { int8s } from '../../db/pg/arrays.ts';
import { SEARCHES_OF_SESSIONS } from '../../db/pg/rollups/memory-rollups.ts';
import { NO_PG, pgTestUrl, tempPg, type TempPg } from '../helpers/pg.ts';

const SESSIONS = 20_000;
const TS = Date.UTC(2026, 4, 12, 9);

describe.skipIf(!pgTestUrl)(`the rollup applier's reads on PostgreSQL${pgTestUrl ? '' : ` (skipped: ${NO_PG})`}`, () => {
  let t: TempPg;
  beforeAll(async () => {
    t = await tempPg();
    // Five events a session, one of them a search: 100,000 events, 20,000 searches.
    await t.db.$client.unsafe(`
      INSERT INTO events (id, ts, type, visitor, session_id, pv, path, locale, query, query_norm, results)
      SELECT n, ${TS} + n, CASE WHEN n % 5 = 0 THEN 'search' ELSE 'view' END, 'v' || (n / 5), n / 5, 'p' || n, '/x', 'en',
        CASE WHEN n % 5 = 0 THEN 'refund' END, CASE WHEN n % 5 = 0 THEN 'refund' END, CASE WHEN n % 5 = 0 THEN 3 END
      FROM generate_series(0, ${SESSIONS * 5 - 1}) AS n`);
  });
  afterAll(() => t?.cleanup());

  const sessions = Array.from({ length: 100 }, (_, i) => i * 97 + 3);
  const ids = () => int8s(t.db.$client, sessions) as never;
  const plan = async () => {
    const rows = await t.db.$client.unsafe<Array<{ 'QUERY PLAN': string }>>(`EXPLAIN ${SEARCHES_OF_SESSIONS}`, [ids()]);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  };

  it("finds each click's session's searches by probing events_session, before and after ANALYZE, never through every search", async () => {
    const found = await t.db.$client.unsafe<Array<{ sessionId: number; ts: number }>>(SEARCHES_OF_SESSIONS, [ids()]);
    expect(found.map((s) => Number(s.sessionId)).sort((a, b) => a - b)).toEqual(sessions);
    expect(found.every((s) => Number(s.ts) === TS + Number(s.sessionId) * 5)).toBe(true);

    const before = await plan();
    expect(before).toMatch(/events_session/);
    expect(before).not.toMatch(/events_type_ts|Seq Scan on events/);
    await t.db.$client.unsafe('ANALYZE events');
    const after = await plan();
    expect(after).toMatch(/events_session/);
    expect(after).not.toMatch(/events_type_ts|Seq Scan on events/);
  });
});
