/** Stores demo tickets the way an import does: upsert on (source, external_id), requester hashed, tags in ticket_tags. */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { tickets, ticketTags } from '../../db/schema/index.ts';
import type { DemoTicket } from './tickets.ts';

const hashRequester = (r: string) => createHash('sha256').update(r.trim().toLowerCase()).digest('hex');

/** Upserts one batch in a transaction. */
export function storeTickets(db: Db, source: string, batch: readonly DemoTicket[], importedAt: number): void {
  db.transaction((tx) => {
    for (const { tags, requester, ...t } of batch) {
      const row = { ...t, source, requester: hashRequester(requester), importedAt };
      const [stored] = tx
        .insert(tickets)
        .values(row)
        .onConflictDoUpdate({ target: [tickets.source, tickets.externalId], set: { ...row, id: sql`id` } })
        .returning({ id: tickets.id })
        .all();
      tx.delete(ticketTags).where(sql`${ticketTags.ticketId} = ${stored!.id}`).run();
      for (const tag of tags) tx.insert(ticketTags).values({ ticketId: stored!.id, tag }).run();
    }
  });
}
