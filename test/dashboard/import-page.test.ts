/** /admin/import: the upload form posts through the page to POST /api/tickets/import and shows counts or row errors. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { openSession, type AdminSession } from '../helpers/admin.ts';
import { dbOf } from '../helpers/db.ts';

const TOKEN = 'import-page-test-token-0123456789';
let s: RunningServer;
let admin: AdminSession;
beforeAll(async () => {
  s = await startServer({ KB_ADMIN_TOKEN: TOKEN });
  admin = await openSession(s.kb);
});
afterAll(() => s.stop());

const cookie = () => admin.cookie;

async function upload(file: File, fields: Record<string, string | File>, csrf?: string) {
  const page = await (await fetch(`${s.url}/admin/import`, { headers: { cookie: cookie() } })).text();
  const body = new FormData();
  body.set('csrf', csrf ?? /name="csrf" value="([^"]+)"/.exec(page)![1]!);
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  body.set('file', file);
  const res = await fetch(`${s.url}/admin/import`, { method: 'POST', body, headers: { cookie: cookie(), origin: s.url } });
  return { status: res.status, html: await res.text() };
}

const count = () => (dbOf(s.kb).$client.prepare('select count(*) as n from tickets').get() as { n: number }).n;

describe('import page', () => {
  it('imports a Zendesk export and shows the counts', async () => {
    const csv = readFileSync(new URL('../fixtures/import/zendesk.csv', import.meta.url));
    const { status, html } = await upload(new File([csv], 'zendesk.csv', { type: 'text/csv' }), { preset: 'zendesk', tz: 'UTC' });
    expect(status).toBe(200);
    expect(html).toMatch(/Imported \d+ new and updated 0 tickets\./);
    expect(count()).toBeGreaterThan(0);
  });

  it('dry run reports what would happen and stores nothing', async () => {
    const before = count();
    const file = new File(['external_id,created_at\nDRY-1,2026-03-01T10:00:00Z\n'], 'dry.csv', { type: 'text/csv' });
    const { html } = await upload(file, { preset: 'generic', dryRun: '1', source: 'dry' });
    expect(html).toContain('Dry run: 1 new');
    expect(count()).toBe(before);
  });

  it('lists each bad row with line, column, value and reason, as text', async () => {
    const file = new File(['external_id,created_at\nB-1,2026-03-01T10:00:00Z\nB-2,<b>never</b>\n'], 'bad.csv', { type: 'text/csv' });
    const { status, html } = await upload(file, { preset: 'generic', source: 'bad' });
    expect(status).toBe(422);
    expect(html).toContain('Nothing was stored.');
    expect(html).toMatch(/<td class="num"[^>]*>3<\/td><td[^>]*>created_at<\/td>/);
    // The file's text is shown escaped, never as markup.
    expect(html).toContain('&lt;b&gt;never&lt;/b&gt;');
    expect(html).not.toContain('<b>never</b>');
  });

  it('refuses an upload whose form token is wrong and stores nothing of it', async () => {
    const before = count();
    const file = new File(['external_id,created_at\nX-1,2026-03-01T10:00:00Z\n'], 'x.csv', { type: 'text/csv' });
    const { status, html } = await upload(file, { preset: 'generic', source: 'forged' }, 'not-the-token');
    expect(status).toBe(403);
    expect(html).toContain('did not come from this dashboard');
    expect(count()).toBe(before);
  });

  it('reads any export with an uploaded mapping profile instead of a format', async () => {
    const tsv = 'tweet_id\tcreated_at\ttext\tauthor_id\tinbound\n1\tTue Oct 31 22:10:47 +0000 2017\tmy order?\tu1\tTrue\n';
    const profile = new File([readFileSync(new URL('../fixtures/import/twitter-profile.json', import.meta.url))], 'twitter.json');
    const { status, html } = await upload(new File([tsv], 'tweets.tsv'), { preset: 'zendesk', mapping: profile });
    expect(status).toBe(200);
    expect(html).toMatch(/Imported 1 new and updated 0 tickets\./);
    expect(dbOf(s.kb).$client.prepare("select channel from tickets where source = 'twitter'").get()).toEqual({ channel: 'social' });
  });

  it('asks for a file when none was chosen', async () => {
    const { status, html } = await upload(new File([], ''), { preset: 'generic' });
    expect(status).toBe(400);
    expect(html).toContain('Choose a file to import.');
  });

  it('keeps every import in the history with its counts, its first problems and who ran it, on /admin/imports', async () => {
    // one more through the API with the admin token, and a file refused as a whole
    const body = new FormData();
    body.set('preset', 'generic');
    body.set('source', 'api-run');
    body.set('file', new File(['external_id,created_at\nA-1,2026-03-01T10:00:00Z\n'], 'api.csv', { type: 'text/csv' }));
    expect((await fetch(`${s.url}/api/tickets/import`, { method: 'POST', body, headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    await upload(new File(['external_id,created_at\n'], 'empty.csv', { type: 'text/csv' }), { preset: 'generic', source: 'empty' });
    const res = await fetch(`${s.url}/api/tickets/imports?limit=50`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const { imports, total } = (await res.json()) as { imports: Array<{ fileName: string; status: string; ranBy: string; errors: number; errorSample: Array<{ line: number; reason: string }> | null }>; total: number };
    expect(total).toBe(imports.length);
    const byFile = new Map(imports.map((i) => [i.fileName, i]));
    expect(byFile.get('zendesk.csv')).toMatchObject({ status: 'ok', ranBy: 'dashboard', errors: 0, errorSample: null });
    expect(byFile.get('api.csv')).toMatchObject({ status: 'ok', ranBy: 'api' });
    expect(byFile.get('bad.csv')).toMatchObject({ status: 'failed', ranBy: 'dashboard', errors: 1 });
    expect(byFile.get('bad.csv')!.errorSample![0]).toMatchObject({ line: 3 });
    expect(byFile.get('empty.csv')).toMatchObject({ status: 'failed', errorSample: [{ reason: 'The file has a header but no rows.' }] });
    expect(byFile.has('dry.csv')).toBe(false); // a dry run stores nothing, not even history
    const page = await (await fetch(`${s.url}/admin/imports`, { headers: { cookie: cookie() } })).text();
    expect(page).toContain('uploaded on this dashboard');
    expect(page).toContain('through the API (admin token)');
    expect(page).toContain('The file has a header but no rows.');
  });
});
