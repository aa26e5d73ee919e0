import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeContactRequest } from '../../db/contact/requests.ts';
import { createIngest } from '../../db/tracking/writer.ts';
import { Staging } from '../../db/tickets/staging.ts';
import { writeStaged } from '../../db/tickets/write-staged.ts';
import { copySqliteToPg } from '../../db/pg/copy.ts';
import { createPgIngest } from '../../db/pg/tracking/writer.ts';
import { settlePgRollups } from '../../db/pg/rollups/applier.ts';
import { ensureTicketRollups } from '../../db/reports/rollups/tickets.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { NO_PG, pgTestUrl, tempPg, type TempPg } from '../helpers/pg.ts';
import { traffic } from '../helpers/traffic.ts';

const zone = 'Europe/Berlin';
const ROLLUPS: Record<string, string> = {
  site_days: 'locale, day', article_days: 'locale, day, article', article_read_days: 'locale, day, article',
  article_sessions: 'session_id, article, locale', article_comments: 'event_id', session_facts: 'session_id, locale',
  query_days: 'locale, day, query', query_sessions: 'session_id, query, locale', page_views: 'pv', search_clicks: 'search_id',
  ticket_days: 'day', ticket_day_dims: 'dim, day, value', ticket_day_requesters: 'day, requester',
};
const RAW = ['sessions', 'tickets', 'ticket_tags', 'contact_requests', 'contact_outbox', 'salts'];
const plain = (rows: Array<Record<string, unknown>>) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : Buffer.isBuffer(v) ? v.toString('hex') : v])));
const ordered = (table: string) => `SELECT * FROM ${table} ${table.startsWith('ticket_day') ? 'WHERE tickets != 0' : ''} ORDER BY ${ROLLUPS[table]}`;

describe.skipIf(!pgTestUrl)(`kb copy: a SQLite database's whole history into PostgreSQL${pgTestUrl ? '' : ` (skipped: ${NO_PG})`}`, () => {
  let lite: TempDb;
  let pg: TempPg;
  let copied: Awaited<ReturnType<typeof copySqliteToPg>>;
  beforeAll(async () => {
    lite = tempDb({ KB_TZ: zone });
    const ingest = createIngest(lite.db, lite.config);
    for (const r of traffic({ seed: 3, start: Date.UTC(2026, 8, 1), days: 4, visitors: 150, articles: ['a', 'b', 'c'], locales: ['en', 'ms'] })) {
      await ingest.store(r.events, r.client);
    }
    await ingest.close();
    const s = new Staging();
    for (let i = 0; i < 300; i++) {
      const at = Date.UTC(2026, 8, 1) + i * 900_000;
      s.add([i + 2, `Z${i}`, at, at + 60_000 * (i % 50), i % 3 ? at + 3_600_000 : null, i % 3 ? 'solved' : 'open', i % 2 ? 'email' : 'phone',
        'question', null, 'Hi\ttab\nnewline \\ back', `r${i % 30}`, `a${i % 4}`, null, i % 3, 0, i % 5 ? 'good' : '2', 60, i % 2 ? null : 30, i % 4 === 0 ? 1 : 0, null,
        JSON.stringify(i % 2 ? ['billing', 'login'] : [])]);
    }
    s.finish();
    s.close();
    await writeStaged(lite.db, s.file, { source: 'zendesk', now: 5, dryRun: false, chunkRows: 100 });
    s.dispose();
    ensureTicketRollups(lite.db, zone);
    storeContactRequest(lite.db, {
      key: 'k-1', createdAt: Date.UTC(2026, 8, 2), email: 'a@example.com', subject: 'Help', message: 'Line one\nline "two"', account: null,
      locale: 'en', fromArticle: 'a', viewedArticles: ['a', 'b'], visitor: 'v', sessionId: 3,
    }, ['webhook']);
    pg = await tempPg({ KB_TZ: zone });
    copied = await copySqliteToPg(lite.db.$client, pg.db, zone);
  }, 120_000);
  afterAll(async () => {
    lite.cleanup();
    await pg.cleanup();
  });

  it('copies every raw row', async () => {
    expect(copied.rows.events).toBeGreaterThan(500);
    for (const table of ['events', ...RAW]) {
      const a = lite.db.$client.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all() as Array<Record<string, unknown>>;
      const b = (await pg.db.$client.unsafe(`SELECT * FROM ${table} ORDER BY 1, 2`)) as unknown as Array<Record<string, unknown>>;
      const same = (rows: Array<Record<string, unknown>>) =>
        plain(rows).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k in a[0]!).map(([k, v]) => [k, k === 'viewed_articles' && typeof v === 'string' ? JSON.parse(v) : v])));
      expect({ table, rows: same(b) }).toEqual({ table, rows: same(a) });
    }
  });

  it('rebuilds rollups equal to the ones SQLite kept as it went', async () => {
    for (const table of Object.keys(ROLLUPS)) {
      const a = lite.db.$client.prepare(ordered(table)).all() as Array<Record<string, unknown>>;
      const b = (await pg.db.$client.unsafe(ordered(table))) as unknown as Array<Record<string, unknown>>;
      expect({ table, rows: plain(b) }).toEqual({ table, rows: plain(a) });
    }
  });

  it('lets ingest continue the copied sessions and ids on PostgreSQL', async () => {
    const [last] = lite.db.$client.prepare('SELECT ts, session_id FROM events ORDER BY ts DESC LIMIT 1').all() as Array<{ ts: number; session_id: number }>;
    const ingest = createPgIngest(pg.db, pg.config);
    // Not the same visitor hash (new requests), but new ids must follow the copied ones.
    await ingest.store([{ type: 'view', pv: 'after-copy', article: 'a' } as never], { ip: '203.0.113.1', userAgent: 'Mozilla/5.0 Firefox/140.0', now: last!.ts + 1000 });
    await ingest.close();
    await settlePgRollups(pg.db, zone);
    const [row] = await pg.db.$client`SELECT id, session_id FROM events WHERE pv = 'after-copy'`;
    expect(row!.id).toBe(copied.rows.events! + 1);
    expect(row!.session_id).toBeGreaterThan(last!.session_id);
  });

  it('refuses a target that already holds data, and leaves it as it was', async () => {
    await expect(copySqliteToPg(lite.db.$client, pg.db, zone)).rejects.toThrow(/already holds events, tickets or contact requests/);
  });
});
