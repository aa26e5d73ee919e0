/**
 * The demo's contact requests: each contact form sent in the demo traffic, stored with a message in its language, as
 * the contact page stores it on a server with no delivery channel (the demo sends nothing anywhere).
 */
import type { Store } from '../../db/store.ts';
import { messagesFor } from './contact-messages.ts';
import type { Random } from './random.ts';
import type { DemoContact } from './traffic.ts';

/** Stores the day's sent forms as the contact page would. */
export async function storeDemoRequests(store: Store, rng: Random, contacts: readonly DemoContact[], now: number): Promise<number> {
  let stored = 0;
  for (const c of contacts) {
    if (c.ts > now) continue;
    const { subject, message } = rng.pick(messagesFor(c.locale, c.category, c.article));
    const key = `${rng.int(0, 2 ** 31 - 1).toString(16).padStart(8, '0')}-demo-${c.ts.toString(16)}`;
    await store.contact.storeRequest(
      {
        key,
        createdAt: c.ts,
        email: `customer-${rng.int(1, 4000)}@example.com`,
        subject,
        message,
        account: rng.chance(0.4) ? `FB-${rng.int(10_000, 99_999)}` : null,
        locale: c.locale,
        fromArticle: c.article,
        viewedArticles: c.viewed,
        visitor: null,
        sessionId: null,
      },
      [],
    );
    stored++;
  }
  return stored;
}
