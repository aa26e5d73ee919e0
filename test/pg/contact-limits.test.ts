/**
 * Issue 12 defect 8 across two nodes on one PostgreSQL: a contact form token spent on one node is refused on the
 * other, also when both take it at the same moment, and the per-address limit (20 an hour) counts the requests
 * of both nodes together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formToken } from '../../api/contact/form-token.ts';
import { ADDRESS_REQUESTS_PER_HOUR } from '../../api/contact/submit.ts';
import { validForm } from '../helpers/contact.ts';
import { startServerProcess, type ServerProcess } from '../helpers/process.ts';
import { NO_PG, pgTestUrl, tempPg, type TempPg } from '../helpers/pg.ts';

const SECRET = 'k'.repeat(48);
const ua = (i: number) => `Mozilla/5.0 (X11; Linux x86_64; rv:${100 + i}.0) Gecko/20100101 Firefox/${100 + i}.0`;

describe.skipIf(!pgTestUrl)(`contact limits on two nodes of one PostgreSQL${pgTestUrl ? '' : ` (skipped: ${NO_PG})`}`, () => {
  let pg: TempPg;
  const nodes: ServerProcess[] = [];

  beforeAll(async () => {
    pg = await tempPg();
    const env = { KB_DATABASE_URL: pg.url, KB_SECRET: SECRET, KB_ADMIN_TOKEN: 'contact-limits-token-0123456', KB_TRUST_PROXY: '1', KB_TZ: 'UTC' };
    [nodes[0], nodes[1]] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 120_000);

  afterAll(async () => {
    for (const n of nodes) {
      n?.child.kill('SIGTERM');
      await n?.exited;
    }
    await pg?.cleanup();
  });

  const post = async (node: ServerProcess, form: Record<string, unknown>, ip: string, i = 0) => {
    const res = await fetch(`${node.url}/api/contact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': ua(i), 'x-forwarded-for': ip },
      body: JSON.stringify(form),
    });
    const body = (await res.json()) as { error?: { details?: Array<{ code?: string }> } };
    return { status: res.status, code: body.error?.details?.[0]?.code };
  };
  const stored = async () => (await pg.db.$client<[{ n: number }]>`SELECT count(*)::int AS n FROM contact_requests`)[0].n;

  it('refuses on one node a form token spent on the other, and lets only one of two at once through', async () => {
    const [a, b] = nodes as [ServerProcess, ServerProcess];
    const form = validForm({ t: formToken(SECRET, Date.now() - 10_000) });
    expect((await post(a, form, '198.18.1.1')).status).toBe(201);
    expect(await post(b, { ...form, subject: 'The same token on the other node' }, '198.18.1.1')).toEqual({ status: 422, code: 'already_sent' });

    const race = validForm({ t: formToken(SECRET, Date.now() - 10_000) });
    const both = await Promise.all([post(a, race, '198.18.1.2'), post(b, race, '198.18.1.2')]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(await stored()).toBe(2);
  }, 60_000);

  it(`limits one address to ${ADDRESS_REQUESTS_PER_HOUR} an hour over both nodes together`, async () => {
    const before = await stored();
    for (let i = 0; i < ADDRESS_REQUESTS_PER_HOUR; i++) {
      const res = await post(nodes[i % 2]!, validForm({ subject: `Question ${i}`, t: formToken(SECRET, Date.now() - 10_000) }), '198.18.2.1', i);
      expect(res.status).toBe(201);
    }
    for (const node of nodes) expect((await post(node, validForm({ t: formToken(SECRET, Date.now() - 10_000) }), '198.18.2.1', 99)).status).toBe(429);
    expect((await post(nodes[1]!, validForm({ t: formToken(SECRET, Date.now() - 10_000) }), '198.18.2.2', 99)).status).toBe(201);
    expect(await stored()).toBe(before + ADDRESS_REQUESTS_PER_HOUR + 1);
  }, 60_000);
});
