/**
 * Defect 6: `kb backup` finishes while the server takes a steady stream of events (the online backup API it used
 * restarted on every write and had not finished after 17 s), the copy passes PRAGMA integrity_check and is mode
 * 0600, and the live database is never a target.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/process.ts';
import { DESKTOP_UA } from '../helpers/browser.ts';
import { backupPg } from '../../db/pg/backup.ts';

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

describe('kb backup on PostgreSQL', () => {
  it('has pg_dump write into a file that is 0600 from its first byte, put in place only once the dump succeeded', async () => {
    // A stand-in for pg_dump that writes its --file and notes the mode the file had while it was being written.
    const fake = join(dir, 'fake-pg_dump');
    const seen = join(dir, 'mode-while-writing');
    writeFileSync(fake, `#!/bin/sh\nfor a in "$@"; do case "$a" in --file=*) f="\${a#--file=}";; esac; done\nprintf PGDMP > "$f"\nstat -c %a "$f" > "${seen}"\n[ -z "$FAIL_DUMP" ]\n`, { mode: 0o700 });
    const target = join(dir, 'pg.dump');
    await backupPg('postgres://kb@127.0.0.1:1/kb', target, fake);
    expect(readFileSync(seen, 'utf8').trim()).toBe('600');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readFileSync(target, 'utf8')).toBe('PGDMP');

    // A failed dump leaves nothing behind, and the earlier backup as it was.
    process.env.FAIL_DUMP = '1';
    try {
      await expect(backupPg('postgres://kb@127.0.0.1:1/kb', join(dir, 'failed.dump'), fake)).rejects.toThrow(/pg_dump failed/);
    } finally {
      delete process.env.FAIL_DUMP;
    }
    expect(readdirSync(dir).filter((f) => f.includes('failed.dump'))).toEqual([]);
  });
});
