/** The presets and the call-center profile on the real exports in ../shared/data/real (see its README for the figures). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { CALLCENTER_PROFILE, FIXTURES, REAL, count, importWith, iso, ticketsOf } from '../helpers/import.ts';
import type { ImportResult } from '../../db/tickets/run-import.ts';

describe('servicenow preset on the real incident export', () => {
  let t: TempDb;
  let r: ImportResult;
  beforeAll(async () => {
    t = tempDb();
    r = await importWith(t.db, join(REAL, 'tickets/servicenow_incidents_final_state.csv'), 'servicenow');
  });
  afterAll(() => t.cleanup());

  it('imports all 20,768 incidents without an error', () => {
    expect(r).toMatchObject({ rows: 20768, imported: 20768, updated: 0, skipped: 0, errorCount: 0 });
  });

  it('reads D/M/YYYY dates, ? as missing, contact_type as channel and category as type', () => {
    const s = ticketsOf(t.db, 'servicenow');
    const first = s.get('INC0000045')!;
    expect(iso(first.created_at)).toBe('2016-02-29T01:16:00.000Z');
    expect(iso(first.solved_at)).toBe('2016-02-29T11:29:00.000Z');
    expect(first).toMatchObject({ channel: 'phone', type: 'Category 55', status: 'closed', group: 'Group 56', assignee: null, reopens: 0 });
    expect(count(t.db, "SELECT count(*) FROM tickets WHERE channel = 'phone'")).toBe(20732);
    expect(count(t.db, "SELECT count(*) FROM tickets WHERE channel = 'email'")).toBe(36);
    expect(count(t.db, 'SELECT count(*) FROM tickets WHERE assignee IS NULL')).toBe(715);
    expect(count(t.db, 'SELECT count(*) FROM tickets WHERE reopens > 0')).toBe(234);
    // resolved_at is ? on 1,418 rows; closed_at stands in, so every incident has a solve time.
    expect(count(t.db, 'SELECT count(*) FROM tickets WHERE solved_at IS NULL')).toBe(0);
    expect(count(t.db, 'SELECT count(*) FROM tickets WHERE csat IS NOT NULL')).toBe(0);
  });

  it('turns made_sla=false and knowledge=true into tags', () => {
    expect(count(t.db, "SELECT count(*) FROM ticket_tags WHERE tag = 'sla-missed'")).toBe(8174);
    expect(count(t.db, "SELECT count(*) FROM ticket_tags WHERE tag = 'knowledge-used'")).toBe(3537);
  });
});

describe('call-center profile (docs/profiles/callcenter.json) on the real call log', () => {
  let t: TempDb;
  let r: ImportResult;
  beforeAll(async () => {
    t = tempDb();
    r = await importWith(t.db, join(REAL, 'calls/anonymous_bank_callcenter_1999-02.tsv'), CALLCENTER_PROFILE);
  });
  afterAll(() => t.cleanup());

  it('imports all 33,344 calls: vru+line with call_id makes the id unique', () => {
    expect(r).toMatchObject({ rows: 33344, imported: 33344, errorCount: 0, source: 'callcenter' });
    expect(count(t.db, "SELECT count(*) FROM tickets WHERE channel = 'phone'")).toBe(33344);
  });

  it('counts the 3,963 callers who hung up in the queue as abandoned', () => {
    expect(count(t.db, 'SELECT count(*) FROM tickets WHERE abandoned = 1')).toBe(3963);
    expect(count(t.db, 'SELECT count(*) FROM tickets WHERE abandoned = 0')).toBe(33344 - 3963);
  });

  it('keeps queue time as wait seconds for the calls that queued (median 50 s, max 908 s)', () => {
    expect(count(t.db, 'SELECT count(*) FROM tickets WHERE wait_seconds IS NOT NULL')).toBe(18336);
    expect(count(t.db, 'SELECT max(wait_seconds) FROM tickets')).toBe(908);
    const waits = t.db.$client.prepare('SELECT wait_seconds FROM tickets WHERE wait_seconds IS NOT NULL ORDER BY 1').pluck().all() as number[];
    expect(waits[Math.floor(waits.length / 2)]).toBe(50);
  });

  it('reads YYMMDD dates and H:MM:SS times in Israel time, rolling service past midnight into the next day', () => {
    const c = ticketsOf(t.db, 'callcenter');
    const first = c.get('AA0101-34536')!;
    expect(iso(first.created_at)).toBe('1999-02-01T05:02:47.000Z');
    expect(iso(first.first_response_at)).toBe('1999-02-01T05:02:55.000Z');
    expect(iso(first.solved_at)).toBe('1999-02-01T05:05:41.000Z');
    expect(first).toMatchObject({ handle_seconds: 166, assignee: 'DORIT', requester: null, type: 'regular', status: 'solved' });
    expect(count(t.db, 'SELECT count(*) FROM tickets WHERE solved_at < first_response_at OR first_response_at < created_at - 60000')).toBe(0);
    expect(count(t.db, 'SELECT count(*) FROM tickets WHERE solved_at - first_response_at > 12 * 3600 * 1000')).toBe(0);
  });

  it('hashes identified callers and leaves customer_id 0 unknown', () => {
    expect(count(t.db, 'SELECT count(*) FROM tickets WHERE requester IS NULL')).toBe(19558);
    expect(count(t.db, "SELECT count(*) FROM tickets WHERE length(requester) = 64")).toBe(33344 - 19558);
  });
});

describe('a user profile on the real Twitter support sample', () => {
  it('keeps the row with bare carriage returns in an unquoted field whole', async () => {
    const t = tempDb();
    try {
      const r = await importWith(t.db, join(REAL, 'social/twcs_customer_support_twitter_sample.csv'), join(FIXTURES, 'twitter-profile.json'));
      expect(r).toMatchObject({ rows: 5000, imported: 5000, errorCount: 0 });
      const tweet = ticketsOf(t.db, 'twitter').get('3399')!;
      expect(tweet.subject).toContain('@AskPayPal \r\rI just love the start of email');
      expect(iso(tweet.created_at)).toBe('2017-10-31T18:13:06.000Z');
      expect(count(t.db, "SELECT count(*) FROM ticket_tags WHERE tag = 'inbound'")).toBeGreaterThan(2700);
    } finally {
      t.cleanup();
    }
  });
});
