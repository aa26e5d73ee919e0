import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestDb, type IngestDb } from '../helpers/ingest.ts';

const view = (article?: string) => ({ type: 'view' as const, pv: `pv-${article ?? 'home'}`, ...(article ? { article } : {}) });

describe('sessions', () => {
  let t: IngestDb;
  beforeEach(() => {
    t = ingestDb();
  });
  afterEach(() => t.cleanup());

  it('keeps events 30 minutes apart in one session and splits on a 31-minute gap', async () => {
    await t.at(0, view('a'));
    await t.at(30, view('b'));
    await t.at(61, view('c'));
    const [a, b, c] = t.rows();
    expect(b!.session_id).toBe(a!.session_id);
    expect(c!.session_id).not.toBe(a!.session_id);
    const sessions = t.db.$client.prepare('SELECT started_at, last_at FROM sessions ORDER BY id').all();
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toEqual({ started_at: a!.ts, last_at: b!.ts });
  });

  it('gives two visitors separate sessions at the same moment', async () => {
    await t.at(0, view('a'), { ip: '192.0.2.1' });
    await t.at(0, view('a'), { ip: '192.0.2.2' });
    const [a, b] = t.rows();
    expect(a!.session_id).not.toBe(b!.session_id);
  });

  it('continues an open session after a restart', async () => {
    await t.at(0, view('a'));
    t.restart();
    await t.at(10, { type: 'contact', pv: 'pv-a', via: 'cta' });
    const [v, c] = t.rows();
    expect(c!.session_id).toBe(v!.session_id);
    expect(c!.attributed_article).toBe('a');
  });
});

describe('contact attribution', () => {
  let t: IngestDb;
  afterEach(() => t.cleanup());
  const contact = { type: 'contact' as const, pv: 'pv-c', via: 'cta' as const };

  it('attributes a contact to the last article viewed in the session', async () => {
    t = ingestDb();
    await t.at(0, view('first'));
    await t.at(5, view('second'));
    await t.at(6, view());
    await t.at(8, contact);
    expect(t.rows().at(-1)!.attributed_article).toBe('second');
  });

  it('settles attribution within one batch too', async () => {
    t = ingestDb();
    await t.at(0, [view('same-batch'), contact]);
    expect(t.rows().at(-1)!.attributed_article).toBe('same-batch');
  });

  it('does not attribute a contact made longer than KB_ATTRIBUTION_MINUTES after the view', async () => {
    t = ingestDb({ KB_ATTRIBUTION_MINUTES: '30' });
    await t.at(0, view('old'));
    await t.at(20, { type: 'read', pv: 'pv-old', seconds: 60 });
    await t.at(35, contact);
    const rows = t.rows();
    expect(rows.at(-1)!.session_id).toBe(rows[0]!.session_id);
    expect(rows.at(-1)!.attributed_article).toBeNull();
  });

  it('follows a longer KB_ATTRIBUTION_MINUTES', async () => {
    t = ingestDb({ KB_ATTRIBUTION_MINUTES: '60' });
    await t.at(0, view('old'));
    await t.at(20, { type: 'read', pv: 'pv-old', seconds: 60 });
    await t.at(35, contact);
    expect(t.rows().at(-1)!.attributed_article).toBe('old');
  });

  it('does not attribute a contact to an article viewed in an earlier session', async () => {
    t = ingestDb({ KB_ATTRIBUTION_MINUTES: '120' });
    await t.at(0, view('earlier'));
    await t.at(45, contact);
    expect(t.rows().at(-1)!.attributed_article).toBeNull();
  });

  it("does not attribute to another visitor's article", async () => {
    t = ingestDb();
    await t.at(0, view('theirs'), { ip: '192.0.2.50' });
    await t.at(1, contact);
    expect(t.rows().at(-1)!.attributed_article).toBeNull();
  });
});

describe('search clicks', () => {
  let t: IngestDb;
  beforeEach(() => {
    t = ingestDb();
  });
  afterEach(() => t.cleanup());
  const search = (query: string) => ({ type: 'search' as const, pv: 'pv-s', query, results: 3 });
  const click = { type: 'search_click' as const, pv: 'pv-s', position: 1 };

  it('marks the latest earlier search of the session as clicked', async () => {
    await t.at(0, search('invoice'));
    await t.at(1, search('invoice pdf'));
    await t.at(2, click);
    const flags = t.rows().filter((r) => r.type === 'search').map((r) => [r.query, r.clicked]);
    expect(flags).toEqual([['invoice', 0], ['invoice pdf', 1]]);
  });

  it('marks a search stored in the same batch', async () => {
    await t.at(0, [search('refund'), click]);
    expect(t.rows()[0]).toMatchObject({ type: 'search', clicked: 1 });
  });

  it('leaves a search unclicked when only another visitor clicks', async () => {
    await t.at(0, search('refund'));
    await t.at(1, click, { ip: '192.0.2.99' });
    expect(t.rows()[0]).toMatchObject({ clicked: 0 });
  });

  it('does not mark a search of an earlier session', async () => {
    await t.at(0, search('refund'));
    await t.at(40, click);
    expect(t.rows()[0]).toMatchObject({ clicked: 0 });
  });
});

describe('search clicks for rollups', () => {
  let t: IngestDb;
  beforeEach(() => {
    t = ingestDb();
  });
  afterEach(() => t.cleanup());

  it('flags only the first click on a search, so clicked searches can be counted from clicks', async () => {
    await t.at(0, { type: 'search', pv: 'p', query: 'refund', results: 2 });
    await t.at(1, { type: 'search_click', pv: 'p', position: 1 });
    await t.at(2, { type: 'search_click', pv: 'p', position: 2 });
    t.restart();
    await t.at(3, { type: 'search_click', pv: 'p', position: 3 });
    expect(t.rows().map((r) => [r.type, r.clicked])).toEqual([
      ['search', 1],
      ['search_click', 1],
      ['search_click', 0],
      ['search_click', 0],
    ]);
  });
});
