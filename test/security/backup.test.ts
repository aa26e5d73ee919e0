/**
 * Defect 6: `kb backup` finishes while the server takes a steady stream of events (the online backup API it used
 * restarted on every write and had not finished after 17 s), the copy passes PRAGMA integrity_check and is mode
 * 0600, and the live database is never a target.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/process.ts';
import { DESKTOP_UA } from '../helpers/browser.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let server: ServerProcess;
let env: Record<string, string>;
const kb = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'bin/cli/main.ts', ...args], { cwd: root, env: { ...process.env, ...env } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kb-backup-'));
  env = { KB_DB: join(dir, 'kb.sqlite'), KB_ADMIN_TOKEN: 'backup-test-token-0123456789', KB_RATE_LIMIT: '100000', KB_RATE_LIMIT_PER_ADDRESS: '100000' };
  server = await startServerProcess(env);
});
afterAll(async () => {
  server?.child.kill('SIGKILL');
  await server?.exited;
  rmSync(dir, { recursive: true, force: true });
});

describe('kb backup', () => {
  it('finishes while events keep arriving, with a copy that passes integrity_check and is readable by its owner only', async () => {
    let sent = 0;
    let acked = 0;
    const post = () =>
      fetch(`${server.url}/api/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': DESKTOP_UA },
        body: JSON.stringify({ events: Array.from({ length: 5 }, (_, i) => ({ type: 'view', pv: `pv-${sent}-${i}`, path: '/' })) }),
      }).then((r) => r.status === 202 && acked++);
    // A steady stream: 40 requests (200 events) a second, before, during and after the backup.
    const stream = setInterval(() => void post().then(() => sent++), 25);
    try {
      await new Promise((r) => setTimeout(r, 1500));
      const { stdout } = await kb('backup', join(dir, 'copy.sqlite'));
      expect(stdout).toMatch(/Backed up .* in [\d.]+ s \(integrity check: ok\)/);
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      clearInterval(stream);
    }
    expect(acked).toBeGreaterThan(40);
    const copy = new Database(join(dir, 'copy.sqlite'), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const events = copy.prepare('SELECT count(*) FROM events').pluck().get() as number;
    copy.close();
    expect(events).toBeGreaterThan(0);
    expect(statSync(join(dir, 'copy.sqlite')).mode & 0o777).toBe(0o600);
  }, 120_000);

  it('refuses the live database, its -wal file, a link to it, and an existing file without --force', async () => {
    symlinkSync(env.KB_DB!, join(dir, 'link.sqlite'));
    for (const target of [env.KB_DB!, `${env.KB_DB}-wal`, join(dir, 'link.sqlite')]) {
      const err = (await kb('backup', target, '--force').catch((e: { code: number; stderr: string }) => e)) as { code: number; stderr: string };
      expect(err.code, target).toBe(1);
      expect(err.stderr).toMatch(/is the live database/);
    }
    await kb('backup', join(dir, 'once.sqlite'));
    const again = (await kb('backup', join(dir, 'once.sqlite')).catch((e: { code: number; stderr: string }) => e)) as { code: number; stderr: string };
    expect(again.stderr).toMatch(/exists; pass --force/);
    expect((await kb('backup', join(dir, 'once.sqlite'), '--force')).stdout).toMatch(/integrity check: ok/);
    // The live database still answers.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }, 120_000);
});
