/** Idempotence: re-import changes no count, an edited row is updated in place, --dry-run writes nothing. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { upsertTickets } from '../../db/tickets/upsert-tickets.ts';
import { listImports } from '../../db/tickets/list-imports.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { FIXTURES, count, importWith, ticketsOf } from '../helpers/import.ts';

let t: TempDb;
beforeEach(() => (t = tempDb()));
afterEach(() => t.cleanup());

const zendesk = join(FIXTURES, 'zendesk.csv');

describe('re-importing', () => {
  it('the same file changes no count', async () => {
    await importWith(t.db, zendesk, 'zendesk');
    const before = JSON.stringify([...ticketsOf(t.db, 'zendesk').values()].map(({ id, ...rest }) => [id, rest]));
    const again = await importWith(t.db, zendesk, 'zendesk');
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 5, skipped: 0 });
    expect(count(t.db, 'SELECT count(*) FROM tickets')).toBe(5);
    expect(count(t.db, 'SELECT count(*) FROM ticket_tags')).toBe(7);
    const after = JSON.stringify([...ticketsOf(t.db, 'zendesk').values()].map(({ id, ...rest }) => [id, rest]));
    expect(after).toBe(before);
  });

  it('an edited row updates its ticket and replaces its tags instead of adding one', async () => {
    await importWith(t.db, zendesk, 'zendesk');
    const id = ticketsOf(t.db, 'zendesk').get('1001')!.id;
    const edited = join(t.dir, 'edited.csv');
    writeFileSync(edited, readFileSync(zendesk, 'utf8').replace('"billing refund vip","Solved","High"', '"billing escalated","Closed","High"'));
    const r = await importWith(t.db, edited, 'zendesk');
    expect(r).toMatchObject({ imported: 0, updated: 1, unchanged: 4 });
    const ticket = ticketsOf(t.db, 'zendesk').get('1001')!;
    expect(ticket).toMatchObject({ id, status: 'closed', tags: ['billing', 'escalated'] });
    expect(count(t.db, 'SELECT count(*) FROM tickets')).toBe(5);
  });

  it('the same ids under another source are other tickets', async () => {
    await importWith(t.db, zendesk, 'zendesk');
    const r = await importWith(t.db, zendesk, 'zendesk', { source: 'zendesk-eu' });
    expect(r.imported).toBe(5);
    expect(count(t.db, 'SELECT count(*) FROM tickets')).toBe(10);
  });
});

describe('--dry-run', () => {
  it('reports what would change and writes nothing', async () => {
    const r = await importWith(t.db, zendesk, 'zendesk', { dryRun: true });
    expect(r).toMatchObject({ dryRun: true, committed: false, imported: 5, updated: 0 });
    expect(count(t.db, 'SELECT count(*) FROM tickets')).toBe(0);
    expect(count(t.db, 'SELECT count(*) FROM imports')).toBe(0);
    await importWith(t.db, zendesk, 'zendesk');
    const again = await importWith(t.db, zendesk, 'zendesk', { dryRun: true });
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 5 });
  });
});

describe('import history', () => {
  it('records each finished import with its counts', async () => {
    await importWith(t.db, zendesk, 'zendesk');
    await importWith(t.db, zendesk, 'zendesk');
    const [last, first] = listImports(t.db);
    expect(first).toMatchObject({ source: 'zendesk', fileName: 'zendesk.csv', profile: 'preset zendesk', status: 'ok', imported: 5 });
    expect(last).toMatchObject({ imported: 0, unchanged: 5 });
    expect(last!.finishedAt).toBeGreaterThanOrEqual(last!.startedAt);
  });
});

describe('upsertTickets (for code such as the demo generator)', () => {
  it('stores canonical tickets with the same upsert rules and hashes the requester', () => {
    const tickets = [
      { externalId: 'd1', createdAt: new Date('2024-01-01T10:00:00Z'), channel: 'chat' as const, tags: ['b', 'a', 'a'], requester: ' Bob@Example.com ' },
      { externalId: 'd2', createdAt: 1_704_103_200_000, csat: 5, abandoned: false },
    ];
    expect(upsertTickets(t.db, tickets, { source: 'demo' })).toEqual({ imported: 2, updated: 0, unchanged: 0 });
    expect(upsertTickets(t.db, tickets, { source: 'demo' })).toEqual({ imported: 0, updated: 0, unchanged: 2 });
    expect(upsertTickets(t.db, [{ ...tickets[1]!, csat: 'bad' }], { source: 'demo' })).toEqual({ imported: 0, updated: 1, unchanged: 0 });
    const d = ticketsOf(t.db, 'demo');
    expect(d.get('d1')).toMatchObject({ channel: 'chat', tags: ['a', 'b'] });
    expect(d.get('d1')!.requester).toMatch(/^[0-9a-f]{64}$/);
    expect(d.get('d2')).toMatchObject({ channel: 'other', csat: 'bad', abandoned: 0 });
  });

  it('refuses an impossible value naming the ticket and field', () => {
    expect(() => upsertTickets(t.db, [{ externalId: 'x', createdAt: 1, channel: 'fax' as never }], { source: 'demo' })).toThrow(
      /ticket "x": channel "fax"/,
    );
  });
});
