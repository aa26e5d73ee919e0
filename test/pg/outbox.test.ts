import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPg } from '../../db/pg/client.ts';
import { claimItem, dueItems, markDelivered, markFailed, nextDueAt } from '../../db/pg/contact/outbox.ts';
import { countRequestsSince, storeContactRequest } from '../../db/pg/contact/requests.ts';
import { NO_PG, pgTestUrl, tempPg, type TempPg } from '../helpers/pg.ts';

const request = (i: number, at: number) => ({
  key: `key-${i}`, createdAt: at, email: `c${i}@example.com`, subject: 'Refund', message: 'Where is my refund?', account: null,
  locale: 'en', fromArticle: null, viewedArticles: ['refunds'], visitor: `v${i % 3}`, sessionId: null,
});

describe.skipIf(!pgTestUrl)(`contact outbox on PostgreSQL${pgTestUrl ? '' : ` (skipped: ${NO_PG})`}`, () => {
  let t: TempPg;
  beforeAll(async () => void (t = await tempPg()));
  afterAll(() => t.cleanup());

  it('two nodes polling the same due items claim each item once', async () => {
    const at = 1_800_000_000_000;
    for (let i = 0; i < 40; i++) await storeContactRequest(t.db, request(i, at), ['webhook', 'email']);
    expect(await countRequestsSince(t.db, 'v1', at - 1)).toBe(13);
    expect(await nextDueAt(t.db)).toBe(at);
    const nodes = [openPg(t.url, { max: 3 }), openPg(t.url, { max: 3 })];
    const claimed: number[][] = [[], []];
    await Promise.all(
      nodes.map(async (db, n) => {
        for (const { item } of await dueItems(db, at, 100)) if ((await claimItem(db, item, at + 120_000, at)) !== undefined) claimed[n]!.push(item.id);
      }),
    );
    const all = [...claimed[0]!, ...claimed[1]!];
    expect(all).toHaveLength(80);
    expect(new Set(all).size).toBe(80);
    expect(await dueItems(t.db, at + 60_000)).toHaveLength(0); // leased
    // Delivery marks the request delivered once both channels are, whichever node delivered which.
    const items = await dueItems(t.db, at + 200_000, 100);
    await Promise.all(items.map(({ item }, k) => markDelivered(nodes[k % 2]!, item, at + 1)));
    const [{ delivered }] = await t.db.$client<[{ delivered: number }]>`SELECT count(*) AS delivered FROM contact_requests WHERE status = 'delivered'`;
    expect(delivered).toBe(40);
    await Promise.all(nodes.map((db) => db.$client.end()));
  });

  it('counts the attempt when it claims it, and makes a failed item due again at its next attempt', async () => {
    const at = 1_900_000_000_000;
    await storeContactRequest(t.db, request(100, at), ['webhook']);
    const [due] = await dueItems(t.db, at);
    const item = due!.item;
    expect(await claimItem(t.db, item, at + 1000, at)).toBe(1);
    await markFailed(t.db, item, at + 10, 'HTTP 503', at + 60_000);
    const [again] = await dueItems(t.db, at + 60_000);
    expect(again!.item).toMatchObject({ attempts: 1, lastError: 'HTTP 503', nextAttemptAt: at + 60_000 });
  });
});
