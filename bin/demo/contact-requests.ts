/** The demo's contact requests: each contact form sent in the demo traffic, stored with a message in its language and delivered. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/sqlite/client.ts';
import { storeContactRequest } from '../../db/contact/requests.ts';
import { markDelivered } from '../../db/contact/outbox.ts';
import { contactOutbox } from '../../db/schema/index.ts';
import { messagesFor } from './contact-messages.ts';
import type { Random } from './random.ts';
import type { DemoContact } from './traffic.ts';

/** Stores the day's sent forms as the contact page would (delivered to the demo helpdesk's webhook a few seconds later). */
export function storeDemoRequests(db: Db, rng: Random, contacts: readonly DemoContact[], now: number): number {
  let stored = 0;
  for (const c of contacts) {
    if (c.ts > now) continue;
    const { subject, message } = rng.pick(messagesFor(c.locale, c.category));
    const key = `${rng.int(0, 2 ** 31 - 1).toString(16).padStart(8, '0')}-demo-${c.ts.toString(16)}`;
    const id = storeContactRequest(
      db,
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
      ['webhook'],
    );
    const item = db.select().from(contactOutbox).where(eq(contactOutbox.requestId, id)).get()!;
    markDelivered(db, item, c.ts + rng.int(1, 6) * 1000);
    stored++;
  }
  return stored;
}
