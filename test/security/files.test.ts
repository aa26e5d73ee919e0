/**
 * Defects 11 and 13: the database, its -wal and -shm, the token and secret files are mode 0600, the temp folder
 * 0700; each database has its own token file, so the demo never shows the real token; KB_SECRET is validated.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createRuntime } from '../../api/runtime.ts';
import { loadConfig } from '../../api/env.ts';
import { ensureAdminToken } from '../../api/admin/token.ts';
import { dbOf } from '../helpers/db.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const mode = (f: string) => statSync(f).mode & 0o777;
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('files a database keeps', () => {
  it('are readable by their owner only', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-files-'));
    const config = loadConfig({ KB_DB: join(dir, 'kb.sqlite') });
    const kb = await createRuntime(config);
    dbOf(kb).$client.exec('CREATE TABLE IF NOT EXISTS probe (x); INSERT INTO probe VALUES (1)');
    for (const f of ['kb.sqlite', 'kb.sqlite-wal', 'kb.sqlite-shm', 'kb.sqlite.admin-token', 'kb.sqlite.secret']) {
      expect(mode(join(dir, f)), f).toBe(0o600);
    }
    expect(mode(config.tempDir)).toBe(0o700);
    expect(readFileSync(join(dir, 'kb.sqlite.secret'), 'utf8').trim().length).toBeGreaterThanOrEqual(32);
    await kb.close();
  });

  it('narrows a database file created readable by others', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-files-'));
    writeFileSync(join(dir, 'kb.sqlite'), '', { mode: 0o644 });
    const kb = await createRuntime(loadConfig({ KB_DB: join(dir, 'kb.sqlite') }));
    expect(mode(join(dir, 'kb.sqlite'))).toBe(0o600);
    await kb.close();
  });

  it('keeps one token and one secret per database, even in one folder', () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-files-'));
    const a = ensureAdminToken(loadConfig({ KB_DB: join(dir, 'kb.sqlite') }));
    const b = ensureAdminToken(loadConfig({ KB_DB: join(dir, 'demo.sqlite') }));
    expect(a.token).not.toBe(b.token);
    expect(a.file).toBe(join(dir, 'kb.sqlite.admin-token'));
    expect(ensureAdminToken(loadConfig({ KB_DB: join(dir, 'kb.sqlite') })).token).toBe(a.token);
  });

  it('takes over a token file from before, for the site but never for the demo', () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-files-'));
    writeFileSync(join(dir, 'admin-token'), 'the-old-shared-token-0123456\n', { mode: 0o600 });
    expect(ensureAdminToken(loadConfig({ KB_DB: join(dir, 'demo.sqlite') }), { adoptLegacy: false }).token).not.toBe('the-old-shared-token-0123456');
    expect(ensureAdminToken(loadConfig({ KB_DB: join(dir, 'kb.sqlite') })).token).toBe('the-old-shared-token-0123456');
    expect(existsSync(join(dir, 'admin-token'))).toBe(false);
  });

  it('refuses a KB_SECRET under 32 characters, naming it', () => {
    expect(() => loadConfig({ KB_SECRET: 'short' })).toThrow(/KB_SECRET: must be at least 32 characters/);
    expect(loadConfig({ KB_SECRET: 's'.repeat(32) }).secret).toBe('s'.repeat(32));
  });
});

describe('npm run demo', () => {
  it('prints the demo database\'s own token, never the real one (from its file or from KB_ADMIN_TOKEN)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-demo-token-'));
    const real = ensureAdminToken(loadConfig({ KB_DB: join(dir, 'kb.sqlite') })).token;
    const child = spawn(process.execPath, ['--import', 'tsx', 'bin/cli/main.ts', 'demo', '--db', join(dir, 'demo.sqlite'), '--days', '2', '--serve'], {
      cwd: root,
      env: { ...process.env, PORT: '0', KB_DB: join(dir, 'kb.sqlite'), KB_ADMIN_TOKEN: 'the-real-token-from-env-0123' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (/Admin token:\s+\S+/.test(out)) resolve();
      });
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.once('exit', () => reject(new Error(`demo exited:\n${out}`)));
    });
    child.kill('SIGKILL');
    const printed = /Admin token:\s+(\S+)/.exec(out)![1];
    expect(printed).not.toBe(real);
    expect(printed).not.toBe('the-real-token-from-env-0123');
    expect(printed).toBe(readFileSync(join(dir, 'demo.sqlite.admin-token'), 'utf8').trim());
  }, 120_000);
});
