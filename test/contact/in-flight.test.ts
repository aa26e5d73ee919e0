/**
 * Defect 12: the delivery attempt is counted, and committed, before it is sent. A webhook in flight when the
 * server is killed (-9) is sent again after the lease as attempt 2, with the same idempotency key; before, both
 * went out as attempt 1.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../helpers/process.ts';
import { validForm } from '../helpers/contact.ts';
import { TEST_SECRET } from '../helpers/db.ts';

describe('a delivery in flight at kill -9', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-inflight-'));
  let hook: Server;
  afterAll(() => {
    hook?.closeAllConnections();
    hook?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is sent again as the next attempt with the same idempotency key', async () => {
    const seen: IncomingMessage['headers'][] = [];
    let answer = false;
    let arrived: () => void = () => undefined;
    // The first delivery is held open (the helpdesk is slow); later ones are answered.
    hook = createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      arrived();
      if (answer) req.on('end', () => res.writeHead(200).end('ok'));
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const env = {
      KB_DB: join(dir, 'kb.sqlite'),
      KB_ADMIN_TOKEN: 'in-flight-token-0123456789',
      KB_SECRET: TEST_SECRET,
      KB_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
    };

    const first = await startServerProcess(env);
    const inFlight = new Promise<void>((resolve) => (arrived = resolve));
    const posted = await fetch(`${first.url}/api/contact`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(validForm()) });
    expect(posted.status).toBe(201);
    await inFlight;
    first.child.kill('SIGKILL');
    await first.exited;

    // The attempt was committed before it went out.
    const db = new Database(env.KB_DB);
    expect(db.prepare('select attempts, delivered_at from contact_outbox').get()).toEqual({ attempts: 1, delivered_at: null });
    // The lease (2 minutes) runs out.
    db.prepare('update contact_outbox set next_attempt_at = ?').run(Date.now() - 1);
    db.close();

    answer = true;
    const again = new Promise<void>((resolve) => (arrived = resolve));
    const second = await startServerProcess(env);
    await again;
    await new Promise((r) => setTimeout(r, 300));
    second.child.kill('SIGKILL');
    await second.exited;

    expect(seen.map((h) => h['x-kb-delivery-attempt'])).toEqual(['1', '2']);
    expect(seen[1]!['idempotency-key']).toBe(seen[0]!['idempotency-key']);
    const after = new Database(env.KB_DB, { readonly: true });
    expect(after.prepare('select attempts from contact_outbox').get()).toEqual({ attempts: 2 });
    after.close();
  }, 60_000);
});
