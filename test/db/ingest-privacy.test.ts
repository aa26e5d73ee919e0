import { readFileSync, existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createIngest } from '../../db/tracking/writer.ts';
import { eventsApp, type EventsApp } from '../helpers/events.ts';
import { ingestDb, T0, type IngestDb } from '../helpers/ingest.ts';

const DAY = 24 * 60;
const view = { type: 'view' as const, pv: 'pv-1', article: 'a' };

describe('daily salts', () => {
  let t: IngestDb;
  afterEach(() => t.cleanup());
  const salts = () => t.db.$client.prepare('SELECT day FROM salts ORDER BY day').all();

  it('gives the same client two different visitor hashes on two days', async () => {
    t = ingestDb();
    await t.at(0, view);
    await t.at(60, view);
    await t.at(DAY, view);
    const [a, b, c] = t.rows();
    expect(a!.visitor).toBe(b!.visitor);
    expect(c!.visitor).not.toBe(a!.visitor);
  });

  it("keeps only the current day's salt", async () => {
    t = ingestDb();
    await t.at(0, view);
    expect(salts()).toEqual([{ day: '2026-03-02' }]);
    await t.at(DAY, view);
    expect(salts()).toEqual([{ day: '2026-03-03' }]);
  });

  it('keeps the visitor hash across a restart on the same day', async () => {
    t = ingestDb();
    await t.at(0, view);
    t.restart();
    await t.at(5, view);
    const [a, b] = t.rows();
    expect(b!.visitor).toBe(a!.visitor);
  });

  it('deletes past salts when a writer opens on a later day', async () => {
    t = ingestDb();
    await t.at(0, view);
    createIngest(t.db, t.config, { clock: () => T0 + 2 * DAY * 60_000 });
    expect(salts()).toEqual([]);
  });
});

describe('raw client data never reaches the database file', () => {
  let t: EventsApp;
  afterEach(() => t.cleanup());

  const IP = '203.0.113.177';
  const UA = 'Mozilla/5.0 (X11; Linux x86_64; PrivacyMarker-7f3a9c) Gecko/20100101 Firefox/140.0';
  const fileHolds = (file: string, needle: string) => existsSync(file) && readFileSync(file).includes(Buffer.from(needle));

  it('stores neither the IP address nor the user agent, in the database or its WAL', async () => {
    t = eventsApp();
    const events = [
      { type: 'view', pv: 'pv-p', article: 'privacy', path: '/articles/privacy', referrer: 'https://example.org/private/page?user=42' },
      { type: 'read', pv: 'pv-p', seconds: 12, scroll: 40 },
      { type: 'search', pv: 'pv-p', query: 'delete my data', results: 2 },
      { type: 'contact', pv: 'pv-p', via: 'cta' },
    ];
    for (let i = 0; i < 20; i++) expect((await t.post({ events }, { ip: IP, ua: UA })).status).toBe(202);
    expect(t.rows()).toHaveLength(80);
    for (const needle of [IP, UA, 'PrivacyMarker-7f3a9c', '/private/page', 'user=42']) {
      expect(fileHolds(t.file, needle), `${needle} in database`).toBe(false);
      expect(fileHolds(`${t.file}-wal`, needle), `${needle} in WAL`).toBe(false);
    }
    t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    expect(fileHolds(t.file, IP)).toBe(false);
    expect(fileHolds(t.file, UA)).toBe(false);
    expect(readFileSync(t.file).includes(Buffer.from('delete my data'))).toBe(true);
  });
});
