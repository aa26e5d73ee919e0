/** A server keeps running when its built files change under it (a rebuild beside `npm start`). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../helpers/server.ts';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
let dir: string;
let server: RunningServer;

beforeAll(async () => {
  // Its own copy of the built pages, so removing one leaves the shared dist/ alone; the server bundle is linked.
  dir = mkdtempSync(join(tmpdir(), 'kb-rebuild-'));
  cpSync(join(dist, 'client'), join(dir, 'client'), { recursive: true });
  symlinkSync(join(dist, 'server'), join(dir, 'server'), 'dir');
  server = await startServer({}, dir);
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a built page removed while the server runs', () => {
  it('fails that one answer and the server goes on serving', async () => {
    const page = '/articles/set-up-your-studio';
    expect((await fetch(server.url + page)).status).toBe(200);
    rmSync(join(dir, 'client', 'articles', 'set-up-your-studio'), { recursive: true });
    // sirv listed the file at start and sends its headers before the read fails: the body is cut, nothing more.
    await fetch(server.url + page, { headers: { 'accept-encoding': 'identity' } }).then((r) => r.text()).catch(() => undefined);
    await fetch(server.url + page, { headers: { 'accept-encoding': 'br' } }).then((r) => r.arrayBuffer()).catch(() => undefined);
    const health = await fetch(server.url + '/api/health');
    expect(health.status).toBe(200);
    expect((await fetch(server.url + '/categories/getting-started')).status).toBe(200);
  });
});
