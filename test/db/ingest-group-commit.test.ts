import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestDb, type IngestDb } from '../helpers/ingest.ts';

describe('group commit', () => {
  let t: IngestDb;
  beforeEach(() => {
    t = ingestDb();
  });
  afterEach(() => t.cleanup());
  const view = (pv: string) => ({ type: 'view' as const, pv });

  it('stores every one of many concurrent callers and tells each how many it stored', async () => {
    const counts = await Promise.all(
      Array.from({ length: 300 }, (_, i) => t.at(i / 100, [view(`pv-${i}`), view(`pv-${i}b`)], { ip: `10.0.${i % 7}.${i}` })),
    );
    expect(counts).toEqual(Array(300).fill(2));
    expect(t.rows()).toHaveLength(600);
  });

  it('fails every caller of a batch whose write fails and stores nothing of it', async () => {
    // A real SQLite error in the middle of the batch, after other rows and sessions were written.
    t.db.$client.exec(`CREATE TRIGGER refuse BEFORE INSERT ON events WHEN NEW.pv = 'boom'
      BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`);
    const results = await Promise.allSettled([t.at(0, view('ok'), { ip: '10.0.0.1' }), t.at(0, view('boom'), { ip: '10.0.0.2' })]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(t.rows()).toHaveLength(0);
    expect(t.db.$client.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });

    // The writer recovers: the next batch stores and settles sessions from the database again.
    await t.at(1, view('after'), { ip: '10.0.0.1' });
    await t.at(2, view('after-2'), { ip: '10.0.0.1' });
    const [a, b] = t.rows();
    expect(a!.session_id).toBe(b!.session_id);
  });

  it('writes pending events when closed', async () => {
    const pending = t.at(0, view('late'));
    await t.ingest.close();
    expect(t.rows()).toHaveLength(1);
    await expect(pending).resolves.toBe(1);
    await expect(t.at(1, view('after-close'))).rejects.toThrow(/closed/);
  });
});
