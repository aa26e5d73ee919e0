/**
 * Test data for reports: stores events the way ingest does (rows in events, then applyEventRollups in the
 * same transaction) and tickets as the tickets table defines them. Contact attribution and search `clicked`
 * are settled here by the rule the tracking ingest applies (docs/contracts.md), until its writer is merged.
 */
import { DateTime } from 'luxon';
import { events, sessions, tickets, ticketTags } from '../../db/schema/index.ts';
import { applyEventRollups, normaliseQuery, type StoredEvent } from '../../db/rollups/events.ts';
import type { TempDb } from '../helpers/db.ts';
import { and, desc, eq, lte } from 'drizzle-orm';

export type EventInput = Partial<Omit<typeof events.$inferInsert, 'ts' | 'sessionId'>> & {
  type: StoredEvent['type'];
  /** Local time in the test's zone, e.g. '2026-03-02 10:00'. */
  at: string;
  session: number;
};

export function eventStore(t: TempDb) {
  const zone = t.config.timeZone;
  const made = new Set<number>();
  const ms = (at: string) => DateTime.fromFormat(at, 'yyyy-MM-dd HH:mm:ss', { zone }).toMillis() || DateTime.fromFormat(at, 'yyyy-MM-dd HH:mm', { zone }).toMillis();

  function add(...inputs: EventInput[]): void {
    t.db.transaction((tx) => {
      const rows: StoredEvent[] = [];
      for (const { at, session, ...e } of inputs) {
        const ts = ms(at);
        if (Number.isNaN(ts)) throw new Error(`bad time ${at}`);
        const visitor = e.visitor ?? `visitor-${session}`;
        if (!made.has(session)) {
          tx.insert(sessions).values({ id: session, visitor, startedAt: ts, lastAt: ts }).run();
          made.add(session);
        }
        let attributedArticle: string | null = null;
        if (e.type === 'contact') {
          // Last article viewed in the session within the attribution window.
          const last = tx
            .select({ article: events.article, ts: events.ts })
            .from(events)
            .where(and(eq(events.sessionId, session), eq(events.type, 'view'), lte(events.ts, ts)))
            .orderBy(desc(events.ts), desc(events.id))
            .all()
            .find((r) => r.article !== null);
          if (last && ts - last.ts <= t.config.attributionMinutes * 60_000) attributedArticle = last.article;
        }
        const row = tx
          .insert(events)
          .values({
            ...e,
            ts,
            visitor,
            sessionId: session,
            queryNorm: e.query !== undefined && e.query !== null ? normaliseQuery(e.query) : null,
            attributedArticle,
          })
          .returning()
          .get();
        if (e.type === 'search_click') {
          const search = tx
            .select({ id: events.id })
            .from(events)
            .where(and(eq(events.sessionId, session), eq(events.type, 'search'), lte(events.ts, ts)))
            .orderBy(desc(events.ts), desc(events.id))
            .get();
          if (search) tx.update(events).set({ clicked: true }).where(eq(events.id, search.id)).run();
        }
        rows.push(row);
      }
      applyEventRollups(tx, rows, t.config);
    });
  }
  return { add, ms };
}

export type TicketInput = Partial<typeof tickets.$inferInsert> & { created: string; tags?: string[] };

let nextTicket = 1;
/** Inserts tickets; times are local times in the test's zone, durations given as minutes after creation. */
export function addTickets(t: TempDb, list: Array<TicketInput & { firstResponseAfter?: number; solvedAfter?: number }>): void {
  const zone = t.config.timeZone;
  for (const { created, tags, firstResponseAfter, solvedAfter, ...rest } of list) {
    const createdAt = DateTime.fromFormat(created, 'yyyy-MM-dd HH:mm', { zone }).toMillis();
    const row = t.db
      .insert(tickets)
      .values({
        source: 'test',
        externalId: String(nextTicket++),
        createdAt,
        firstResponseAt: firstResponseAfter === undefined ? null : createdAt + firstResponseAfter * 60_000,
        solvedAt: solvedAfter === undefined ? null : createdAt + solvedAfter * 60_000,
        importedAt: Date.now(),
        ...rest,
      })
      .returning({ id: tickets.id })
      .get();
    for (const tag of tags ?? []) t.db.insert(ticketTags).values({ ticketId: row.id, tag }).run();
  }
}
