import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openMigratedDb } from '../../db/sqlite/migrate.ts';
import { DESKTOP_UA } from '../helpers/browser.ts';
import { startServerProcess } from '../helpers/process.ts';

describe('durability of acknowledged events', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-durable-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged event when the server is killed with SIGKILL', async () => {
    const file = join(dir, 'kb.sqlite');
    const server = await startServerProcess({ KB_DB: file, KB_TRUST_PROXY: '1', KB_ADMIN_TOKEN: 'durability-test-token-1234' });
    const N = 400;
    const post = (i: number) =>
      fetch(`${server.url}/api/events`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'user-agent': DESKTOP_UA, 'x-forwarded-for': `10.1.${i % 200}.${i % 7}` },
        body: JSON.stringify({ type: 'read', pv: `pv-${i}`, seconds: i % 1800, scroll: i % 101 }),
      });
    const answers = await Promise.all(Array.from({ length: N }, (_, i) => post(i)));
    expect(answers.map((r) => r.status)).toEqual(Array(N).fill(202));
    const accepted = await Promise.all(answers.map(async (r) => ((await r.json()) as { accepted: number }).accepted));
    expect(accepted.reduce((a, b) => a + b, 0)).toBe(N);

    server.child.kill('SIGKILL');
    await server.exited;

    const again = await startServerProcess({ KB_DB: file, KB_ADMIN_TOKEN: 'durability-test-token-1234' });
    const health = await fetch(`${again.url}/api/health`);
    expect(health.status).toBe(200);
    again.child.kill('SIGTERM');
    await again.exited;

    const db = openMigratedDb(file);
    const { n } = db.$client.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
    const pvs = db.$client.prepare('SELECT count(DISTINCT pv) AS n FROM events').get() as { n: number };
    db.$client.close();
    expect(n).toBe(N);
    expect(pvs.n).toBe(N);
  });
});
