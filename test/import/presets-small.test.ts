/** The zendesk, freshdesk and generic presets on small files written in the exact export header formats. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { hashRequester } from '../../db/tickets/values.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { FIXTURES, importWith, iso, ticketsOf } from '../helpers/import.ts';

let t: TempDb;
beforeEach(() => (t = tempDb()));
afterEach(() => t.cleanup());

describe('zendesk preset', () => {
  it('imports the full Zendesk header (BOM, CRLF, quoted newlines) with times read in --tz', async () => {
    const r = await importWith(t.db, join(FIXTURES, 'zendesk.csv'), 'zendesk', { timeZone: 'Europe/Berlin' });
    expect(r).toMatchObject({ rows: 5, imported: 5, updated: 0, skipped: 0, errorCount: 0, committed: true, source: 'zendesk' });
    const z = ticketsOf(t.db, 'zendesk');
    // 09:15 in Berlin (CET, +1) is 08:15 UTC; around the DST switch on 31 March the offset changes from +1 to +2.
    expect(iso(z.get('1001')!.created_at)).toBe('2024-03-10T08:15:00.000Z');
    expect(iso(z.get('1002')!.created_at)).toBe('2024-03-31T00:30:00.000Z');
    expect(iso(z.get('1003')!.created_at)).toBe('2024-03-31T01:30:00.000Z');
    expect(z.get('1002')!.subject).toBe('Login fails, "invalid token"\nafter reset');
  });

  it('turns reply and resolution minutes into timestamps after created_at', async () => {
    await importWith(t.db, join(FIXTURES, 'zendesk.csv'), 'zendesk', { timeZone: 'Europe/Berlin' });
    const z = ticketsOf(t.db, 'zendesk');
    expect(iso(z.get('1001')!.first_response_at)).toBe('2024-03-10T08:45:00.000Z');
    expect(iso(z.get('1001')!.solved_at)).toBe('2024-03-10T10:15:00.000Z');
    // No "Solved at": the full resolution time (1440 minutes) gives it.
    expect(iso(z.get('1002')!.solved_at)).toBe('2024-04-01T00:30:00.000Z');
    expect(z.get('1003')!.first_response_at).toBeNull();
    expect(z.get('1003')!.solved_at).toBeNull();
  });

  it('maps Via to channels (unknown -> other), keeps unknown types and statuses, reads tags, CSAT and counts', async () => {
    await importWith(t.db, join(FIXTURES, 'zendesk.csv'), 'zendesk');
    const z = ticketsOf(t.db, 'zendesk');
    const pick = (id: string) => z.get(id)!;
    expect(['1001', '1002', '1003', '1004', '1005'].map((id) => pick(id).channel)).toEqual(['email', 'web', 'chat', 'phone', 'other']);
    expect(pick('1005').type).toBe('Feedback');
    expect(pick('1005').status).toBe('hold');
    expect(pick('1001')).toMatchObject({ status: 'solved', type: 'question', priority: 'high', replies: 2, reopens: 0, csat: 'good' });
    expect(pick('1001').tags).toEqual(['billing', 'refund', 'vip']);
    expect(pick('1003').tags).toEqual([]);
    expect(pick('1002').csat).toBe('bad');
    expect(pick('1003').csat).toBeNull(); // offered, not answered: not rated
    expect(pick('1004').csat).toBeNull();
  });

  it('stores the requester hashed, never the raw email', async () => {
    await importWith(t.db, join(FIXTURES, 'zendesk.csv'), 'zendesk');
    const z = ticketsOf(t.db, 'zendesk');
    expect(z.get('1001')!.requester).toBe(hashRequester('ana@example.com'));
    expect(z.get('1003')!.requester).toBe(hashRequester('503')); // no email: the requester id
    const dump = JSON.stringify([...z.values()]);
    expect(dump).not.toMatch(/example\.com/i);
  });
});

describe('freshdesk preset', () => {
  it('reads the current export (Ticket ID, Created time, hours as numbers)', async () => {
    const r = await importWith(t.db, join(FIXTURES, 'freshdesk.csv'), 'freshdesk', { timeZone: 'Asia/Kolkata' });
    expect(r).toMatchObject({ rows: 4, imported: 4, errorCount: 0 });
    const f = ticketsOf(t.db, 'freshdesk');
    // 10:00 in Kolkata (+05:30) is 04:30 UTC; 1.5 h to the first response.
    expect(iso(f.get('77')!.created_at)).toBe('2024-05-02T04:30:00.000Z');
    expect(iso(f.get('77')!.first_response_at)).toBe('2024-05-02T06:00:00.000Z');
    expect(iso(f.get('77')!.solved_at)).toBe('2024-05-02T09:00:00.000Z');
    // An initial response time wins over the hours; no resolved time: the resolution hours give it.
    expect(iso(f.get('78')!.first_response_at)).toBe('2024-05-03T18:45:00.000Z');
    expect(iso(f.get('78')!.solved_at)).toBe('2024-05-04T19:30:00.000Z');
    expect(f.get('77')).toMatchObject({ channel: 'email', status: 'solved', replies: 3, csat: '5', assignee: 'Priya', group: 'Billing' });
    expect(f.get('78')).toMatchObject({ channel: 'web', status: 'closed', csat: '1' });
    expect(f.get('79')).toMatchObject({ channel: 'social', status: 'pending', csat: '3' });
    expect(f.get('80')).toMatchObject({ channel: 'other', status: 'Escalated to L3', type: null, csat: null });
    expect(f.get('78')!.tags).toEqual(['android', 'crash']);
  });

  it('reads the older Title Case export, separated by semicolons, with HH:MM:SS hours', async () => {
    const r = await importWith(t.db, join(FIXTURES, 'freshdesk-legacy.csv'), 'freshdesk');
    expect(r).toMatchObject({ rows: 2, imported: 2, errorCount: 0 });
    const f = ticketsOf(t.db, 'freshdesk');
    expect(f.get('501')).toMatchObject({ subject: 'Cannot log in; password reset loops', channel: 'phone', priority: 'urgent', csat: '5' });
    expect(iso(f.get('501')!.created_at)).toBe('2024-06-01T09:00:00.000Z');
    expect(iso(f.get('501')!.first_response_at)).toBe('2024-06-01T09:20:00.000Z');
    expect(iso(f.get('501')!.solved_at)).toBe('2024-06-01T11:30:00.000Z');
    expect(iso(f.get('502')!.first_response_at)).toBe('2024-06-02T14:00:00.000Z');
    expect(f.get('501')!.requester).toBe(hashRequester('mia@example.com'));
  });
});

describe('generic preset', () => {
  for (const file of ['generic.ndjson', 'generic.json']) {
    it(`reads canonical fields from ${file}`, async () => {
      const r = await importWith(t.db, join(FIXTURES, file), 'generic', { source: 'legacy' });
      expect(r).toMatchObject({ rows: 3, imported: 3, errorCount: 0, source: 'legacy' });
      const g = ticketsOf(t.db, 'legacy');
      expect(g.get('G-1')).toMatchObject({ channel: 'email', csat: '4', replies: 2, article: 'reset-password', tags: ['billing', 'refund'] });
      expect(iso(g.get('G-1')!.first_response_at)).toBe('2024-07-01T10:20:00.000Z');
      expect(g.get('G-2')).toMatchObject({ channel: 'other', abandoned: 0, tags: [] });
      expect(iso(g.get('G-3')!.created_at)).toBe('2024-07-03T07:00:00.000Z');
      expect(g.get('G-3')).toMatchObject({ wait_seconds: 42, handle_seconds: 190, abandoned: 0, csat: 'bad' });
    });
  }
});
