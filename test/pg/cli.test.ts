import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngest } from '../../db/tracking/writer.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { NO_PG, pgTestUrl, tempPg, type TempPg } from '../helpers/pg.ts';
import { traffic } from '../helpers/traffic.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const kb = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'bin/cli/main.ts', ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });

describe.skipIf(!pgTestUrl)(`the CLI on PostgreSQL${pgTestUrl ? '' : ` (skipped: ${NO_PG})`}`, () => {
  let lite: TempDb;
  let pg: TempPg;
  beforeAll(async () => {
    lite = tempDb({ KB_TZ: 'Asia/Kolkata' });
    const ingest = createIngest(lite.db, lite.config);
    for (const r of traffic({ seed: 5, start: Date.UTC(2026, 9, 1), days: 2, visitors: 40, articles: ['a', 'b'], locales: ['en'] })) await ingest.store(r.events, r.client);
    await ingest.close();
    lite.db.$client.close();
    pg = await tempPg();
  }, 60_000);
  afterAll(async () => {
    lite.cleanup();
    await pg.cleanup();
  });

  it('kb copy moves the history and says what it copied; a second copy is refused', () => {
    const env = { KB_DB: lite.file, KB_TZ: 'Asia/Kolkata' };
    const first = kb(['copy', '--to', pg.url], env);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Copied .*kb\.sqlite to 127\.0\.0\.1:\d+\/kb_t_\w+: \d+ salts, \d+ sessions, \d+ events; rollups rebuilt in Asia\/Kolkata\./);
    const again = kb(['copy', '--to', pg.url], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds events, tickets or contact requests/);
  }, 60_000);

  it('kb migrate applies the migrations, refuses another KB_TZ, and --rebuild-rollups moves the zone', () => {
    const ok = kb(['migrate'], { KB_DATABASE_URL: pg.url, KB_TZ: 'Asia/Kolkata' });
    expect(ok.stdout).toMatch(/is up to date\./);
    const other = kb(['migrate'], { KB_DATABASE_URL: pg.url, KB_TZ: 'UTC' });
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(/set up with KB_TZ=Asia\/Kolkata, but this node has KB_TZ=UTC/);
    const rebuilt = kb(['migrate', '--rebuild-rollups'], { KB_DATABASE_URL: pg.url, KB_TZ: 'UTC' });
    expect(rebuilt.stdout).toMatch(/Rebuilt the report rollups from \d+ events and the tickets in UTC/);
    expect(kb(['migrate'], { KB_DATABASE_URL: pg.url, KB_TZ: 'UTC' }).status).toBe(0);
  }, 60_000);

  it('kb backup writes a pg_dump file only the owner can read', () => {
    const file = join(lite.dir, 'kb.dump');
    const r = kb(['backup', file], { KB_DATABASE_URL: pg.url });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Backed up PostgreSQL 127\.0\.0\.1:\d+\/kb_t_\w+ to .*kb\.dump/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  }, 60_000);
});
