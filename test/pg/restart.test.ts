import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '../../bench/lib/pg-cluster.ts';
import { openPg } from '../../db/pg/client.ts';
import { startServerProcess, type ServerProcess } from '../helpers/process.ts';
import { NO_PG, pgTestUrl } from '../helpers/pg.ts';

const TOKEN = 'restart-test-admin-token-1';
const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';

/** The status of one event sent to `node`; anything but 202 comes with what the node logged last (its error). */
async function sendLogged(node: ServerProcess, i: number): Promise<{ status: number; log?: string }> {
  const status = await send(node, i);
  return status === 202 ? { status } : { status, log: node.output().slice(-3000) };
}

async function send(node: ServerProcess, i: number): Promise<number> {
  const res = await fetch(`${node.url}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'user-agent': UA, 'x-forwarded-for': `198.22.${i % 200}.${i % 7}` },
    body: JSON.stringify({ type: 'view', pv: `r-${i}`, article: 'reset-password', locale: 'en' }),
  });
  await res.arrayBuffer();
  return res.status;
}

// Restarting PostgreSQL would break every other test file's database, so this file runs its own cluster.
describe.skipIf(!pgTestUrl)(`a PostgreSQL restart under running nodes${pgTestUrl ? '' : ` (skipped: ${NO_PG})`}`, () => {
  let cluster: Cluster;
  const nodes: ServerProcess[] = [];
  beforeAll(async () => {
    cluster = await startCluster(55436);
    const env = { KB_DATABASE_URL: cluster.url, KB_SECRET: 'r'.repeat(40), KB_ADMIN_TOKEN: TOKEN, KB_TRUST_PROXY: '1' };
    nodes.push(await startServerProcess(env)); // the first node migrates; the second finds nothing to do
    nodes.push(await startServerProcess(env));
  }, 120_000);
  afterAll(async () => {
    for (const n of nodes) {
      n.child.kill('SIGTERM');
      await n.exited;
    }
    cluster?.destroy();
  });

  /** Twelve clients sending events to both nodes in turn (ids from `firstId` on) until stopped; which were acknowledged. */
  function loadBothNodes(firstId: number) {
    const acknowledged: number[] = [];
    let stopped = false;
    let n = firstId;
    const client = async (node: ServerProcess) => {
      while (!stopped) {
        const i = n++;
        if ((await send(node, i).catch(() => 0)) === 202) acknowledged.push(i);
      }
    };
    const clients = Array.from({ length: 12 }, (_, k) => client(nodes[k % 2]!));
    return {
      acknowledged,
      stop: async () => {
        stopped = true;
        await Promise.all(clients);
      },
    };
  }

  it('loses nothing acknowledged when PostgreSQL crashes and restarts under load, and the nodes answer again once it is back', async () => {
    const load = loadBothNodes(0);
    const { acknowledged } = load;
    await expect.poll(() => acknowledged.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(300);
    cluster.restart('immediate'); // a crash: PostgreSQL replays its WAL on the way up
    const afterRestart = acknowledged.length;
    await expect.poll(() => acknowledged.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(afterRestart + 300);
    await load.stop();

    const db = openPg(cluster.url, { max: 1 });
    const stored = new Set((await db.$client<Array<{ pv: string }>>`SELECT pv FROM events`).map((r) => r.pv));
    await db.$client.end();
    expect(acknowledged.filter((i) => !stored.has(`r-${i}`))).toEqual([]);
    // Both nodes answer again after the restart.
    expect(await sendLogged(nodes[0]!, 100_001)).toEqual({ status: 202 });
    expect(await sendLogged(nodes[1]!, 100_002)).toEqual({ status: 202 });
  }, 180_000);

  it('keeps every node up and loses nothing acknowledged when its connections are cut again and again mid-batch', async () => {
    const load = loadBothNodes(200_000);
    const { acknowledged } = load;
    const admin = openPg(cluster.url, { max: 1 });
    // A connection cut between a batch's writes and its COMMIT fails that batch; the node must answer the next one.
    for (let round = 0; round < 40; round++) {
      await new Promise((resolve) => setTimeout(resolve, 20 + (round % 7) * 11));
      await admin.$client`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`;
    }
    const afterCuts = acknowledged.length;
    await expect.poll(() => acknowledged.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(afterCuts + 100);
    await load.stop();
    const stored = new Set((await admin.$client<Array<{ pv: string }>>`SELECT pv FROM events`).map((r) => r.pv));
    await admin.$client.end();
    expect(acknowledged.filter((i) => !stored.has(`r-${i}`))).toEqual([]);
    for (const node of nodes) expect(node.child.exitCode).toBeNull();
    expect(await sendLogged(nodes[0]!, 300_001)).toEqual({ status: 202 });
    expect(await sendLogged(nodes[1]!, 300_002)).toEqual({ status: 202 });
  }, 180_000);
});
