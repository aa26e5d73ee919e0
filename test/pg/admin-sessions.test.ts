/**
 * Dashboard sessions across two nodes on one PostgreSQL (issue 12 defect 4, SPEC 8 and 9): a login on one node is
 * a login on the other; a logout on one, or a new admin token, ends the session on both; wrong tokens from one
 * address count against it on every node, so spreading guesses over the nodes buys no extra tries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInThroughForm, logOutThroughForm } from '../helpers/admin.ts';
import { startServerProcess, type ServerProcess } from '../helpers/process.ts';
import { NO_PG, pgTestUrl, tempPg, type TempPg } from '../helpers/pg.ts';

const TOKEN = 'admin-sessions-nodes-token-0123';
const NEW_TOKEN = 'admin-sessions-nodes-token-NEW-4567';
const SECRET = 's'.repeat(48);

/** What a request on the session cookie gets: the dashboard page (200) or a redirect to the login (303), and an API answer. */
async function reach(node: ServerProcess, cookie: string): Promise<{ page: number; api: number }> {
  const page = await fetch(`${node.url}/admin`, { headers: { cookie }, redirect: 'manual' });
  await page.arrayBuffer();
  const api = await fetch(`${node.url}/api/reports/overview`, { headers: { cookie } });
  await api.arrayBuffer();
  return { page: page.status, api: api.status };
}
const LIVE = { page: 200, api: 200 };
const ENDED = { page: 303, api: 401 };

async function bearer(node: ServerProcess, token: string, ip: string): Promise<number> {
  const res = await fetch(`${node.url}/api/reports/overview`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': ip } });
  await res.arrayBuffer();
  return res.status;
}

describe.skipIf(!pgTestUrl)(`dashboard sessions on two nodes of one PostgreSQL${pgTestUrl ? '' : ` (skipped: ${NO_PG})`}`, () => {
  let pg: TempPg;
  const nodes: ServerProcess[] = [];
  const env = (token: string) => ({ KB_DATABASE_URL: pg.url, KB_SECRET: SECRET, KB_ADMIN_TOKEN: token, KB_TRUST_PROXY: '1', KB_TZ: 'UTC' });
  const stop = async (node: ServerProcess) => {
    node.child.kill('SIGTERM');
    await node.exited;
  };

  beforeAll(async () => {
    pg = await tempPg();
    [nodes[0], nodes[1]] = await Promise.all([startServerProcess(env(TOKEN)), startServerProcess(env(TOKEN))]);
  }, 120_000);

  afterAll(async () => {
    for (const n of nodes) if (n) await stop(n);
    await pg?.cleanup();
  });

  it('a login on one node is a login on the other; a logout on one ends it on both', async () => {
    const [a, b] = nodes as [ServerProcess, ServerProcess];
    const login = await logInThroughForm(a.url, TOKEN);
    expect(login.status).toBe(303);
    const cookie = login.cookie!;
    expect(await reach(b, cookie)).toEqual(LIVE);
    expect(await reach(a, cookie)).toEqual(LIVE);
    // The CSRF token of B's form is the session's, so a form rendered by one node posts to the other.
    expect(await logOutThroughForm(b.url, cookie)).toBe(303);
    expect(await reach(a, cookie)).toEqual(ENDED);
    expect(await reach(b, cookie)).toEqual(ENDED);
  }, 60_000);

  it('wrong tokens from one address count on every node: spread over both, the eleventh try is refused on both', async () => {
    const [a, b] = nodes as [ServerProcess, ServerProcess];
    for (let i = 0; i < 10; i++) expect((await logInThroughForm(nodes[i % 2]!.url, `wrong-${i}`, '203.0.113.90')).status).toBe(401);
    // Refused unchecked, even with the right token, on either node.
    expect((await logInThroughForm(a.url, TOKEN, '203.0.113.90')).status).toBe(429);
    expect((await logInThroughForm(b.url, TOKEN, '203.0.113.90')).status).toBe(429);
    expect(await bearer(b, TOKEN, '203.0.113.90')).toBe(429);
    // Nobody else waits.
    expect((await logInThroughForm(b.url, TOKEN, '203.0.113.91')).status).toBe(303);
    expect(await bearer(a, TOKEN, '203.0.113.91')).toBe(200);

    // Wrong Bearer tokens the same way.
    for (let i = 0; i < 10; i++) expect(await bearer(nodes[i % 2]!, `wrong-${i}`, '203.0.113.92')).toBe(401);
    expect(await bearer(a, TOKEN, '203.0.113.92')).toBe(429);
    expect(await bearer(b, TOKEN, '203.0.113.92')).toBe(429);
    expect((await logInThroughForm(a.url, TOKEN, '203.0.113.92')).status).toBe(429);
  }, 60_000);

  it('a new admin token ends every session on both nodes, from the moment the first node starts with it', async () => {
    const [a, b] = nodes as [ServerProcess, ServerProcess];
    const fromA = (await logInThroughForm(a.url, TOKEN)).cookie!;
    const fromB = (await logInThroughForm(b.url, TOKEN)).cookie!;
    expect(await reach(a, fromB)).toEqual(LIVE);
    expect(await reach(b, fromA)).toEqual(LIVE);

    // Node A restarts with the new token; B still runs with the old one.
    await stop(a);
    nodes[0] = await startServerProcess(env(NEW_TOKEN));
    for (const cookie of [fromA, fromB]) {
      expect(await reach(nodes[0], cookie)).toEqual(ENDED);
      expect(await reach(b, cookie)).toEqual(ENDED);
    }
    // A login with the new token on the new node; B, not restarted yet, does not take it...
    const fresh = (await logInThroughForm(nodes[0].url, NEW_TOKEN)).cookie!;
    expect(await reach(nodes[0], fresh)).toEqual(LIVE);
    expect(await reach(b, fresh)).toEqual(ENDED);
    // ...until it runs with the new token too.
    await stop(b);
    nodes[1] = await startServerProcess(env(NEW_TOKEN));
    expect(await reach(nodes[1], fresh)).toEqual(LIVE);
    expect((await logInThroughForm(nodes[1].url, TOKEN, '198.51.100.7')).status).toBe(401);
  }, 120_000);
});
