import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../helpers/process.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('one server per SQLite file (SPEC 9)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-one-server-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { KB_DB: join(dir, 'kb.sqlite'), KB_ADMIN_TOKEN: 'one-server-test-token-1234' };

  it('refuses a second server on the same file, lets the CLI share it, and a kill -9 leaves nothing that blocks the next start', async () => {
    const first = await startServerProcess(env);
    try {
      const second = startServerProcess(env);
      await expect(second).rejects.toThrow(/Another kb server is already running on .*kb\.sqlite.*PostgreSQL.*KB_DATABASE_URL/s);

      // The CLI still reads the file the server holds.
      const report = spawnSync(process.execPath, ['--import', 'tsx', 'bin/cli/main.ts', 'report', 'overview', '--format', 'json'], {
        cwd: root,
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
      expect(report.stderr).toBe('');
      expect(report.status).toBe(0);
      expect(JSON.parse(report.stdout)).toHaveProperty('totals.views', 0);

      expect((await fetch(`${first.url}/api/health`)).status).toBe(200); // the refused start changed nothing
    } finally {
      first.child.kill('SIGKILL');
      await first.exited;
    }
    const third = await startServerProcess(env);
    expect((await fetch(`${third.url}/api/health`)).status).toBe(200);
    third.child.kill('SIGTERM');
    await third.exited;
  }, 90_000); // four processes start: 20 s on a loaded machine

  it('allows a server on another file at the same time', async () => {
    const a = await startServerProcess({ ...env, KB_DB: join(dir, 'a.sqlite') });
    const b = await startServerProcess({ ...env, KB_DB: join(dir, 'b.sqlite') });
    for (const s of [a, b]) {
      expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
      s.child.kill('SIGTERM');
      await s.exited;
    }
  });
});
