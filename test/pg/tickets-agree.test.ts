import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeZendeskCsv } from '../../bench/import-data.ts';
import { importFileToPg } from '../../db/pg/tickets/import.ts';
import { resolveProfile } from '../../db/tickets/resolve-profile.ts';
import { importFile } from '../../db/tickets/sqlite-import.ts';
import type { ImportResult } from '../../db/tickets/run-import.ts';
import { Staging } from '../../db/tickets/staging.ts';
import type { StagedRecord } from '../../db/tickets/worker-protocol.ts';
import { writeStaged } from '../../db/tickets/write-staged.ts';
import { ensureTicketRollups } from '../../db/reports/rollups/tickets.ts';
import { upsertTickets, type CanonicalTicket } from '../../db/tickets/upsert-tickets.ts';
import { upsertTicketsPg, writeTicketRecordsPg } from '../../db/pg/tickets/upsert.ts';
import type { Sql } from '../../db/pg/client.ts';
import { ensurePgTicketRollups, rebuildTicketRollupsIn } from '../../db/pg/tickets/rollups.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { NO_PG, pgTestUrl, tempPg, type TempPg } from '../helpers/pg.ts';

const zone = 'America/New_York';
const CHANNELS = ['email', 'web', 'phone', 'chat'];
const STATUSES = ['solved', 'Closed', 'open', null];
const CSAT = ['good', 'bad', '4', '2', null];
const TAGS = ['login', 'invoice', 'Refund', 'misc', 'zeta'];

/** A staged row as the mapper makes it (STAGED_COLUMNS order, booleans 0/1, tags sorted JSON). */
function record(i: number, version: number): StagedRecord {
  const created = Date.UTC(2026, 2, 1) + i * 3_517_000; // spans the DST change on 2026-03-08
  const tags = TAGS.filter((_, k) => (i + k + version) % 3 === 0).sort();
  return [
    i + 2, `T${i}`, created, i % 5 ? created + (i % 97) * 60_000 : null, i % 4 ? created + (i % 500) * 60_000 : null,
    STATUSES[(i + version) % 4]!, CHANNELS[i % 4]!, i % 3 ? 'question' : 'incident', 'normal', `Subject ${i}`,
    i % 7 ? `req${i % 40}` : null, i % 6 ? `agent${(i + version) % 5}` : null, 'tier1', i % 4, (i + version) % 3 === 0 ? 1 : 0,
    CSAT[(i + version) % 5]!, i % 2 ? 300 + i : null, CHANNELS[i % 4] === 'phone' ? i % 90 : null, i % 8 === 0 ? 1 : 0, null, JSON.stringify(tags),
  ];
}

function stage(records: StagedRecord[]): Staging {
  const s = new Staging();
  for (const r of records) s.add(r);
  s.finish();
  s.close();
  return s;
}

// Ticket ids are each database's own (SQLite's AUTOINCREMENT also spends ids on skipped rows): compared by external id.
const TABLES: Record<string, string> = {
  tickets: 'source, external_id',
  '(SELECT t.source, t.external_id, g.tag FROM ticket_tags g JOIN tickets t ON t.id = g.ticket_id) tags': 'source, external_id, tag',
  ticket_days: 'day',
  ticket_day_dims: 'dim, day, value',
  ticket_day_requesters: 'day, requester',
};
const plain = (rows: Array<Record<string, unknown>>) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : v])));
/** SQLite's triggers keep rows whose counts fell to zero; the reports skip them, so the comparison does too. */
const nonZero = (table: string) => (table.startsWith('ticket_day') ? 'WHERE tickets != 0' : '');

describe.skipIf(!pgTestUrl)(`ticket import and ticket rollups on PostgreSQL equal SQLite's${pgTestUrl ? '' : ` (skipped: ${NO_PG})`}`, () => {
  let lite: TempDb;
  let pg: TempPg;
  beforeAll(async () => {
    lite = tempDb({ KB_TZ: zone });
    pg = await tempPg({ KB_TZ: zone });
    ensureTicketRollups(lite.db, zone);
    await ensurePgTicketRollups(pg.db, zone);
  });
  afterAll(async () => {
    lite.cleanup();
    await pg.cleanup();
  });

  async function importBoth(records: StagedRecord[]) {
    const s = stage(records);
    try {
      const a = await writeStaged(lite.db, s.file, { source: 'zendesk', now: 1, dryRun: false, chunkRows: 100 });
      // Chunks of 128 rows: the rows of one transaction go through several COPYs and publishes.
      const b = await writeTicketRecordsPg(pg.db, records, { source: 'zendesk', now: 1, dryRun: false, chunkRows: 128 });
      return [a, b];
    } finally {
      s.dispose();
    }
  }

  async function expectSameTables() {
    for (const [table, order] of Object.entries(TABLES)) {
      const a = lite.db.$client.prepare(`SELECT * FROM ${table} ${nonZero(table)} ORDER BY ${order}`).all() as Array<Record<string, unknown>>;
      const b = (await pg.db.$client.unsafe(`SELECT * FROM ${table} ${nonZero(table)} ORDER BY ${order}`)) as unknown as Array<Record<string, unknown>>;
      const noId = (rows: Array<Record<string, unknown>>) => plain(rows).map(({ id: _, imported_at: __, ...r }) => r); // import times are each run's clock
      expect({ table, rows: noId(b) }).toEqual({ table, rows: noId(a) });
    }
  }

  it('a first import stores the same tickets, tags and rollups', async () => {
    const [a, b] = await importBoth(Array.from({ length: 600 }, (_, i) => record(i, 0)));
    expect(b).toEqual(a);
    expect(b).toEqual({ imported: 600, updated: 0, unchanged: 0 });
    await expectSameTables();
  });

  it('a re-import with changed fields and tags moves the same rollups, and equals a rebuild', async () => {
    const [a, b] = await importBoth(Array.from({ length: 700 }, (_, i) => record(i, i % 3 === 0 ? 1 : 0)));
    expect(b).toEqual(a);
    expect(b!.updated).toBeGreaterThan(100);
    expect(b!.imported).toBe(100);
    await expectSameTables();
    const live = await pg.db.$client.unsafe('SELECT * FROM ticket_day_requesters WHERE tickets != 0 ORDER BY day, requester');
    await pg.db.$client.begin((tx) => rebuildTicketRollupsIn(tx as unknown as Sql, zone));
    expect(await pg.db.$client.unsafe('SELECT * FROM ticket_day_requesters ORDER BY day, requester')).toEqual(live);
  });

  it('tickets handed over by code (the demo) upsert alike, repeated ids last-wins', async () => {
    const list: CanonicalTicket[] = Array.from({ length: 120 }, (_, i) => ({
      externalId: `D${i % 100}`, createdAt: Date.UTC(2026, 4, 1) + i * 600_000, status: i % 2 ? 'solved' : 'open', channel: i % 3 ? 'chat' : 'phone',
      tags: i % 2 ? ['b', 'a', 'a'] : [], requester: `person${i % 9}@example.com`, csat: i % 4 ? 5 : null, abandoned: i % 5 === 0, waitSeconds: i % 3 ? null : 40,
      replies: i % 3, firstResponseAt: Date.UTC(2026, 4, 1) + i * 600_000 + 120_000,
    }));
    const a = upsertTickets(lite.db, list, { source: 'demo', batchSize: 50 });
    const b = await upsertTicketsPg(pg.db, list, { source: 'demo', batchSize: 50 });
    expect(b).toEqual(a);
    await expectSameTables();
  });

  /**
   * A Zendesk file of `rows` generated rows, changed by `edit` (its lines, header first), imported into both adapters
   * with `extra` options, refused (a bad row) and then with bad rows skipped; `check` sees each pair of answers.
   */
  async function importEditedBoth(
    rows: number,
    edit: (lines: string[]) => void,
    extra: { source?: string },
    check: (a: ImportResult, b: ImportResult, skipInvalid: boolean) => void,
  ): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'kb-pg-agree-'));
    try {
      const file = join(dir, 'tickets.csv');
      await writeZendeskCsv(file, rows);
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      edit(lines);
      writeFileSync(file, `${lines.join('\n')}\n`);
      const { profile, label } = resolveProfile({ preset: 'zendesk', maps: [] });
      const plainResult = ({ durationMs: _, ...r }: ImportResult) => r;
      for (const skipInvalid of [false, true]) {
        const opts = { profile, profileLabel: label, skipInvalid, batchSize: 100, ...extra };
        const a = await importFile(lite.db, file, opts);
        const b = await importFileToPg(pg.db, pg.url, file, opts);
        expect(plainResult(b)).toEqual(plainResult(a));
        check(a, b, skipInvalid);
        await expectSameTables();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('a file with repeated ids, some chunks apart, gives the same answer and tickets, refused or skipped', async () => {
    await importEditedBoth(
      900,
      (lines) => {
        // Repeats of rows 5 chunks back, in the same chunk, and of a repeat; a bad date among them.
        lines.push(lines[12]!, lines[480]!.replace(',Normal,', ',High,'), lines[12]!, lines[899]!);
        lines.splice(300, 0, lines[299]!, lines[40]!.replace(/2024-01-01 \d\d:\d\d:\d\d/, 'yesterday'));
      },
      {},
      (a, _b, skipInvalid) => {
        expect(a.errorCount).toBe(6);
        expect(a.committed).toBe(skipInvalid);
      },
    );
  });

  it('a new source (copied straight into tickets) with repeats and two ids of one hash gives the same answer and tickets', async () => {
    const withId = (line: string, id: string) => line.replace(/^(\d+),\d+,/, `$1,${id},`);
    await importEditedBoth(
      700,
      (lines) => {
        // 100562789 and 100779192 share their 32-bit hash (db/tickets/worker-protocol.ts idHash): the second is held back
        // though it is new, and its own repeat must name it, not the first, as the row it repeats.
        lines[40] = withId(lines[40]!, '100562789');
        lines[520] = withId(lines[520]!, '100779192');
        lines.push(withId(lines[600]!, '100779192'), withId(lines[5]!, '100562789'), lines[300]!, lines[301]!.replace(/,Normal,/, ',High,'));
        lines[650] = lines[650]!.replace(/2024-01-01 \d\d:\d\d:\d\d/, 'yesterday');
      },
      { source: 'helpdesk-b' },
      // Refused first (a bad row: nothing written, the source stays new), then with the bad row skipped.
      (a, b, skipInvalid) => {
        expect(a.errors.filter((e) => e.reason.startsWith('duplicate')).map((e) => [e.line, e.reason])).toEqual([
          [702, 'duplicate ticket id (first on line 521)'],
          [703, 'duplicate ticket id (first on line 41)'],
          [704, 'duplicate ticket id (first on line 301)'],
          [705, 'duplicate ticket id (first on line 302)'],
        ]);
        expect([b.committed, b.imported]).toEqual(skipInvalid ? [true, 699] : [false, 0]);
      },
    );
    // Ids follow the file, and later tickets get ids past the import's.
    const ids = await pg.db.$client<Array<{ id: string; externalId: string }>>`
      SELECT id, external_id AS "externalId" FROM tickets WHERE source = 'helpdesk-b' ORDER BY id`;
    expect(ids.slice(0, 3).map((r) => r.externalId)).toEqual(['1', '2', '3']);
    const [{ next }] = await pg.db.$client<[{ next: string }]>`SELECT nextval(pg_get_serial_sequence('tickets', 'id')) AS next`;
    expect(Number(next)).toBeGreaterThan(Math.max(...ids.map((r) => Number(r.id))));
  });

  it('a dry run counts and writes nothing', async () => {
    const before = await pg.db.$client`SELECT count(*) AS n FROM tickets`;
    const counts = await writeTicketRecordsPg(pg.db, Array.from({ length: 50 }, (_, i) => record(i + 5000, 0)), { source: 'zendesk', now: 2, dryRun: true });
    expect(counts).toEqual({ imported: 50, updated: 0, unchanged: 0 });
    expect(await pg.db.$client`SELECT count(*) AS n FROM tickets`).toEqual(before);
  });
});
