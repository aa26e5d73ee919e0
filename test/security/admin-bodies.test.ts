/**
 * Defect 2: nothing is read from an /admin request until it is known to come from a logged-in admin on this site
 * (the bounded login form aside); only the upload route takes multipart, and its file reaches disk only after the
 * session, origin and CSRF checks. Before, a multipart POST to /admin/login streamed up to 2 GB to a temp file.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { openSession, type AdminSession } from '../helpers/admin.ts';
import { streamBody } from '../helpers/stream-body.ts';

const MB = 2 ** 20;
let s: RunningServer;
let admin: AdminSession;
beforeAll(async () => {
  s = await startServer({ KB_ADMIN_TOKEN: 'admin-bodies-token-0123456789' });
  admin = await openSession(s.kb);
});
afterAll(() => s.stop());

/** Uploads and staging files in the temp folder (the import lock file stays there for good). */
const tempFiles = () => (existsSync(s.kb.config.tempDir) ? readdirSync(s.kb.config.tempDir).filter((f) => f !== 'import.lock') : []);

/** A multipart body of `fileBytes`, streamed; `csrf` (if any) first, as the dashboard's form sends it. */
function multipart(csrf: string | undefined, fileBytes: number) {
  const boundary = 'kbboundary0123456789';
  const head =
    (csrf === undefined ? '' : `--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${csrf}\r\n`) +
    `--${boundary}\r\nContent-Disposition: form-data; name="preset"\r\n\r\ngeneric\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n` +
    'external_id,created_at\r\nT1,2026-03-01T10:00:00Z\r\n';
  const tail = `\r\n--${boundary}--\r\n`;
  return { head, tail, type: `multipart/form-data; boundary=${boundary}`, bytes: head.length + fileBytes + tail.length };
}

/** Posts a multipart body whose file part is `fileBytes` of filler, watching the temp folder while it streams. */
async function postMultipart(path: string, headers: Record<string, string>, csrf: string | undefined, fileBytes = 50 * MB) {
  const body = multipart(csrf, fileBytes);
  let sawFile = false;
  const watch = setInterval(() => (sawFile ||= tempFiles().length > 0), 5);
  const res = await streamBody(`${s.url}${path}`, { bytes: body.bytes, prefix: body.head, suffix: body.tail, headers: { 'content-type': body.type, origin: s.url, ...headers } });
  clearInterval(watch);
  return { ...res, sawFile: sawFile || tempFiles().length > 0 };
}

describe('multipart to the dashboard', () => {
  it('refuses a multipart login unread: 415, no temp file', async () => {
    const res = await postMultipart('/admin/login', {}, undefined);
    expect(res.status).toBe(415);
    expect(res.sent).toBeLessThan(40 * MB);
    expect(res.sawFile).toBe(false);
  });

  it('sends an upload without a session to the login page unread, with no temp file', async () => {
    const res = await postMultipart('/admin/import', {}, admin.csrf);
    expect(res.status).toBe(303);
    expect(res.sent).toBeLessThan(40 * MB);
    expect(res.sawFile).toBe(false);
  });

  it('refuses an upload from another site before reading it', async () => {
    const res = await postMultipart('/admin/import', { cookie: admin.cookie, origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'same-site' }, admin.csrf);
    expect(res.status).toBe(403);
    expect(res.sawFile).toBe(false);
  });

  it('refuses an upload whose CSRF field is missing or wrong before any of the file reaches disk', async () => {
    for (const csrf of [undefined, 'forged-token', (await openSession(s.kb)).csrf]) {
      const res = await postMultipart('/admin/import', { cookie: admin.cookie }, csrf);
      expect(res.status, String(csrf)).toBe(403);
      expect(res.sent).toBeLessThan(40 * MB);
      expect(res.sawFile).toBe(false);
    }
  });

  it('takes multipart on no other dashboard route', async () => {
    const res = await postMultipart('/admin/contacts', { cookie: admin.cookie }, admin.csrf, 1 * MB);
    expect(res.status).toBe(415);
    expect(res.sawFile).toBe(false);
  });

  it('writes an admin\'s upload to a private temp file and removes it once imported', async () => {
    const res = await postMultipart('/admin/import', { cookie: admin.cookie }, admin.csrf, 0);
    expect(res.status).toBe(200);
    expect(tempFiles()).toEqual([]);
    expect(statSync(s.kb.config.tempDir).mode & 0o777).toBe(0o700);
  });
});

describe('other dashboard forms', () => {
  it('refuses a logged-in form over 32 KB and a login over 4 KB with 413', async () => {
    const big = await streamBody(`${s.url}/admin/contacts`, { bytes: 40 * 1024, headers: { cookie: admin.cookie, origin: s.url } });
    expect(big.status).toBe(413);
    const login = await streamBody(`${s.url}/admin/login`, { bytes: 5 * 1024, headers: { origin: s.url } });
    expect(login.status).toBe(413);
  });

  it('sends a form without a session to the login page without reading it', async () => {
    const res = await streamBody(`${s.url}/admin/contacts`, { bytes: 50 * MB, headers: { origin: s.url } });
    expect(res.status).toBe(303);
    expect(res.sent).toBeLessThan(40 * MB);
  });
});
