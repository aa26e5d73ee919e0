import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formToken } from '../../api/contact/form-token.ts';
import { validForm } from '../helpers/contact.ts';
import { startServerProcess, type ServerProcess } from '../helpers/process.ts';
import { startReceiver, type Receiver } from '../helpers/receivers.ts';
import { NO_PG, pgTestUrl, tempPg, type TempPg } from '../helpers/pg.ts';

const TOKEN = 'nodes-test-admin-token-123';
const SECRET = 'n'.repeat(48);
const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';
const today = () => new Date().toISOString().slice(0, 10);

async function send(node: ServerProcess, ip: string, event: Record<string, unknown>): Promise<number> {
  const res = await fetch(`${node.url}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'user-agent': UA, 'x-forwarded-for': ip },
    body: JSON.stringify({ locale: 'en', ...event }),
  });
  await res.arrayBuffer();
  return res.status;
}

async function report(node: ServerProcess, name: string): Promise<unknown> {
  const res = await fetch(`${node.url}/api/reports/${name}?from=${today()}&to=${today()}&interval=day`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return res.json();
}

/** A visitor's visit: read, search, click, read another, contact; what attribution and click-through are made of. */
function visit(v: number): Array<Record<string, unknown>> {
  const a = ['reset-password', 'update-billing-details', 'two-factor-authentication'][v % 3];
  const b = ['cancel-subscription', 'export-invoices', 'reset-password'][v % 3];
  return [
    { type: 'view', pv: `v${v}a`, article: a, path: `/articles/${a}` },
    { type: 'read', pv: `v${v}a`, article: a, seconds: 20 + v, scroll: (v * 17) % 101 },
    { type: 'search', pv: `v${v}s`, query: v % 4 ? 'refund' : 'nothing matches this', results: v % 4 ? 3 : 0 },
    ...(v % 2 ? [{ type: 'search_click', pv: `v${v}s`, query: 'refund', position: 1 }] : []),
    { type: 'view', pv: `v${v}b`, article: b, path: `/articles/${b}` },
    { type: 'vote', pv: `v${v}b`, article: b, helpful: v % 3 === 0 },
    ...(v % 3 === 1 ? [{ type: 'contact', pv: `v${v}b`, via: 'cta' }] : []),
  ];
}

describe.skipIf(!pgTestUrl)(`two nodes on one PostgreSQL${pgTestUrl ? '' : ` (skipped: ${NO_PG})`}`, () => {
  let pg: TempPg;
  let receiver: Receiver;
  let nodes: ServerProcess[] = [];
  let single: ServerProcess;
  const dir = mkdtempSync(join(tmpdir(), 'kb-nodes-'));

  beforeAll(async () => {
    pg = await tempPg();
    receiver = await startReceiver(0, 503);
    const env = {
      KB_DATABASE_URL: pg.url, KB_SECRET: SECRET, KB_ADMIN_TOKEN: TOKEN, KB_TRUST_PROXY: '1', KB_TZ: 'UTC',
      KB_WEBHOOK_URL: receiver.url, KB_WEBHOOK_SECRET: 'hook-secret',
    };
    [nodes[0], nodes[1], single] = await Promise.all([
      startServerProcess(env),
      startServerProcess(env),
      startServerProcess({ KB_DB: join(dir, 'single.sqlite'), KB_ADMIN_TOKEN: TOKEN, KB_TRUST_PROXY: '1', KB_TZ: 'UTC' }),
    ]);
  }, 120_000);

  afterAll(async () => {
    for (const n of [...nodes, single]) {
      n?.child.kill('SIGTERM');
      await n?.exited;
    }
    await receiver?.close();
    await pg?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a visitor whose requests alternate between the nodes keeps one session and one attribution; the reports equal one SQLite node given the same events', async () => {
    for (let v = 0; v < 24; v++) {
      const ip = `198.18.${v}.7`;
      let k = v;
      for (const event of visit(v)) {
        expect(await send(nodes[k++ % 2]!, ip, event)).toBe(202);
        expect(await send(single, ip, event)).toBe(202);
      }
    }
    const [{ sessions, visitors }] = await pg.db.$client<[{ sessions: number; visitors: number }]>`
      SELECT count(DISTINCT session_id) AS sessions, count(DISTINCT visitor) AS visitors FROM events`;
    expect({ sessions, visitors }).toEqual({ sessions: 24, visitors: 24 });
    const [{ salts }] = await pg.db.$client<[{ salts: number }]>`SELECT count(*) AS salts FROM salts`;
    expect(salts).toBe(1);
    for (const name of ['overview', 'articles', 'search', 'gaps', 'contact']) {
      const want = await report(single, name);
      expect({ name, node: 0, report: await report(nodes[0]!, name) }).toEqual({ name, node: 0, report: want });
      expect({ name, node: 1, report: await report(nodes[1]!, name) }).toEqual({ name, node: 1, report: want });
    }
    const articles = (await report(nodes[1]!, 'articles')) as { totals: { contactsAfterRead: number } };
    expect(articles.totals.contactsAfterRead).toBe(8);
  }, 120_000);

  it('a form rendered for one node is accepted by the other, and with the webhook down on both then up, each request is delivered once', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const form = validForm({ email: `customer${i}@example.com`, t: formToken(SECRET, Date.now() - 10_000) });
      const res = await fetch(`${nodes[i % 2]!.url}/api/contact`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': UA, 'x-forwarded-for': `198.19.0.${i}` },
        body: JSON.stringify(form),
      });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: number }).id);
    }
    // Both nodes tried and failed (503): each request is waiting for a retry.
    await expect.poll(() => receiver.requests.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(6);
    // ... and recorded the failure, so the retry below is not overwritten by a failure being written.
    await expect
      .poll(async () => (await pg.db.$client`SELECT count(*) AS n FROM contact_outbox WHERE attempts = 1 AND last_error IS NOT NULL`)[0]!.n, { timeout: 20_000 })
      .toBe(6);
    receiver.status = 200;
    await Promise.all(
      ids.map((id, i) =>
        fetch(`${nodes[(i + 1) % 2]!.url}/api/contact/requests/${id}/retry`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } }),
      ),
    );
    await expect
      .poll(async () => (await pg.db.$client`SELECT count(*) AS n FROM contact_requests WHERE status = 'delivered'`)[0]!.n, { timeout: 30_000 })
      .toBe(6);
    // Every request reached the helpdesk twice: the refused attempt and the one delivery.
    const perKey = new Map<string, number>();
    for (const r of receiver.requests) perKey.set(String(r.headers['idempotency-key']), (perKey.get(String(r.headers['idempotency-key'])) ?? 0) + 1);
    expect([...perKey.values()]).toEqual([2, 2, 2, 2, 2, 2]);
    const attempts = await pg.db.$client<Array<{ attempts: number }>>`SELECT attempts FROM contact_outbox ORDER BY id`;
    // One failed attempt and one delivery per request: no request was delivered by both nodes.
    expect(attempts.map((a) => a.attempts)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(receiver.requests).toHaveLength(12);
  }, 120_000);

  it('refuses a node whose KB_TZ differs from the database, naming both zones', async () => {
    await expect(
      startServerProcess({ KB_DATABASE_URL: pg.url, KB_SECRET: SECRET, KB_ADMIN_TOKEN: TOKEN, KB_TZ: 'Europe/Berlin' }),
    ).rejects.toThrow(/set up with KB_TZ=UTC, but this node has KB_TZ=Europe\/Berlin/);
  }, 60_000);

  it('loses no acknowledged event when one node is killed with SIGKILL under load', async () => {
    const extra = await startServerProcess({ KB_DATABASE_URL: pg.url, KB_SECRET: SECRET, KB_ADMIN_TOKEN: TOKEN, KB_TRUST_PROXY: '1', KB_TZ: 'UTC' });
    const acknowledged: string[] = [];
    let fromKilled = 0;
    let stop = false;
    let n = 0;
    // Ten clients per node send one event after another until told to stop; the killed node's in-flight ones fail.
    const client = async (node: ServerProcess) => {
      while (!stop) {
        const i = n++;
        const pv = `kill-${i}`;
        try {
          if ((await send(node, `198.20.${i % 200}.${i % 9}`, { type: 'view', pv, article: 'reset-password' })) === 202) {
            acknowledged.push(pv);
            if (node === extra) fromKilled++;
          }
        } catch {
          if (node === extra) return; // connection refused or reset: that node is gone
        }
      }
    };
    const clients = [...Array.from({ length: 10 }, () => client(extra)), ...Array.from({ length: 10 }, () => client(nodes[0]!))];
    await expect.poll(() => fromKilled, { timeout: 30_000 }).toBeGreaterThanOrEqual(200);
    extra.child.kill('SIGKILL');
    await extra.exited;
    await new Promise((r) => setTimeout(r, 300));
    stop = true;
    await Promise.all(clients);
    const stored = new Set((await pg.db.$client<Array<{ pv: string }>>`SELECT pv FROM events WHERE pv LIKE 'kill-%'`).map((r) => r.pv));
    expect(fromKilled).toBeGreaterThanOrEqual(200);
    expect(acknowledged.filter((pv) => !stored.has(pv))).toEqual([]);
    // The survivor still answers, and its reports count what was stored.
    expect(await send(nodes[1]!, '198.21.0.1', { type: 'view', pv: 'after-kill', article: 'reset-password' })).toBe(202);
  }, 120_000);
});
