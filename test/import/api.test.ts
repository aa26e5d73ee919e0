/** POST /api/tickets/import and GET /api/tickets/imports through the real Hono app and a real database. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../api/app.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { CALLCENTER_PROFILE, FIXTURES, REAL, count } from '../helpers/import.ts';

const TOKEN = 'test-admin-token-0123456789';
let t: TempDb;
let app: ReturnType<typeof createApp>;
beforeEach(() => {
  t = tempDb();
  app = createApp({ store: t.store, config: t.config, adminToken: TOKEN });
});
afterEach(() => t.cleanup());

function form(file: { name: string; content: string }, fields: Record<string, string | string[]> = {}): FormData {
  const body = new FormData();
  body.append('file', new File([file.content], file.name, { type: 'text/csv' }));
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return body;
}

const post = (body: FormData, token: string | null = TOKEN) =>
  app.request('/api/tickets/import', { method: 'POST', body, headers: token ? { authorization: `Bearer ${token}` } : {} });

const zendesk = () => ({ name: 'export-2024.csv', content: readFileSync(join(FIXTURES, 'zendesk.csv'), 'utf8') });

describe('POST /api/tickets/import', () => {
  it('answers 401 without the admin token and imports nothing', async () => {
    expect((await post(form(zendesk(), { preset: 'zendesk' }), null)).status).toBe(401);
    expect((await post(form(zendesk(), { preset: 'zendesk' }), 'wrong-token')).status).toBe(401);
    expect(count(t.db, 'SELECT count(*) FROM tickets')).toBe(0);
  });

  it('imports an uploaded export and answers the counts', async () => {
    const res = await post(form(zendesk(), { preset: 'zendesk', tz: 'Europe/Berlin' }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ imported: 5, updated: 0, unchanged: 0, skipped: 0, errors: [], errorCount: 0, fileName: 'export-2024.csv' });
    const again = await (await post(form(zendesk(), { preset: 'zendesk', tz: 'Europe/Berlin' }))).json();
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 5 });
    const history = await (await app.request('/api/tickets/imports', { headers: { authorization: `Bearer ${TOKEN}` } })).json();
    expect(history.imports).toHaveLength(2);
    expect(history.imports[1]).toMatchObject({ fileName: 'export-2024.csv', source: 'zendesk', status: 'ok', imported: 5 });
  });

  it('takes a mapping profile as an uploaded file and a source field', async () => {
    const body = form(
      { name: 'calls.tsv', content: readFileSync(join(REAL, 'calls/anonymous_bank_callcenter_1999-02.tsv'), 'utf8') },
      { source: 'bank' },
    );
    body.append('mapping', new File([readFileSync(CALLCENTER_PROFILE, 'utf8')], 'callcenter.json', { type: 'application/json' }));
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ imported: 33344, source: 'bank' });
    expect(count(t.db, "SELECT count(*) FROM tickets WHERE source = 'bank' AND abandoned = 1")).toBe(3963);
  });

  it('answers 422 with each bad row and imports nothing', async () => {
    const csv = 'external_id,created_at\nA,2024-01-01\nB,someday\nA,2024-01-02\n';
    const res = await post(form({ name: 'bad.csv', content: csv }, { preset: 'generic' }));
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.message).toBe('Nothing was imported: 2 errors were found in the file.');
    // SPEC 8: each problem as { path, message } with the file's line and column; the import's counts beside them.
    expect(error.details).toEqual([
      { path: 'created_at', line: 3, column: 'created_at', message: expect.stringMatching(/not a date.*\(value: "someday"\)$/) },
      { path: '', line: 4, message: 'duplicate ticket id (first on line 2) (value: "A")' },
    ]);
    expect(error.result).toMatchObject({ imported: 0, updated: 0, skipped: 3, errorCount: 2 });
    expect(error.result.errors).toEqual([
      { line: 3, column: 'created_at', value: 'someday', reason: expect.stringContaining('not a date') },
      { line: 4, column: null, value: 'A', reason: 'duplicate ticket id (first on line 2)' },
    ]);
    expect(count(t.db, 'SELECT count(*) FROM tickets')).toBe(0);
  });

  it('imports the good rows with skipInvalid and still lists the bad ones', async () => {
    const csv = 'external_id,created_at\nA,2024-01-01\nB,someday\n';
    const res = await post(form({ name: 'bad.csv', content: csv }, { preset: 'generic', skipInvalid: 'true' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ imported: 1, skipped: 1, errorCount: 1 });
  });

  it('answers 422 for a file it cannot read and 400 for a bad choice of profile', async () => {
    const empty = await post(form({ name: 'empty.csv', content: '' }, { preset: 'zendesk' }));
    expect(empty.status).toBe(422);
    expect((await empty.json()).error).toMatchObject({ message: 'The file is empty.', details: [{ path: '', line: 1, message: 'The file is empty.' }] });
    const missing = await post(form({ name: 'x.csv', content: 'Id,Subject\n1,a\n' }, { preset: 'zendesk' }));
    expect(missing.status).toBe(422);
    expect((await missing.json()).error.details[0]).toMatchObject({ path: 'Created at', column: 'Created at', line: 1 });
    const noPreset = await post(form(zendesk()));
    expect(noPreset.status).toBe(400);
    expect((await noPreset.json()).error.message).toMatch(/exactly one of --preset/);
    const badMap = await post(form(zendesk(), { preset: 'zendesk', map: 'Subject=title' }));
    expect(badMap.status).toBe(400);
  });

  it('answers 400 when the upload has no file and 415 when it is not multipart', async () => {
    const noFile = new FormData();
    noFile.append('preset', 'zendesk');
    expect((await post(noFile)).status).toBe(400);
    const json = await app.request('/api/tickets/import', {
      method: 'POST',
      body: '{}',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    });
    expect(json.status).toBe(415);
  });
});
