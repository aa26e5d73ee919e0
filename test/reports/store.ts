/**
 * Test data for reports: events go through the real ingest writer (db/tracking/writer.ts: visitor hash,
 * sessions, contact attribution, search `clicked`, rollups in the same transaction), one call per event at
 * its own time; tickets are rows of the tickets table as the importer writes them.
 */
import { DateTime } from 'luxon';
import { tickets, ticketTags } from '../../db/schema/index.ts';
import { createIngest } from '../../db/tracking/writer.ts';
import { TrackEventSchema } from '../../db/shared/event.ts';
import type { TempDb } from '../helpers/db.ts';

export interface EventInput {
  type: 'view' | 'read' | 'vote' | 'search' | 'search_click' | 'contact' | 'suggest_shown' | 'suggest_click';
  /** Local time in the test's zone, e.g. '2026-03-02 10:00' or '2026-03-02 10:00:30'. */
  at: string;
  /** Who sends it: the same label gives the same IP and browser (the visitor hash still changes daily). */
  visitor?: string;
  /** Only to name the default visitor (`visitor-<session>`); ingest makes sessions from 30-minute gaps. */
  session: number;
  pv?: string;
  [field: string]: unknown;
}

const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';

export function eventStore(t: TempDb) {
  const zone = t.config.timeZone;
  let now = 0;
  const ingest = createIngest(t.db, t.config, { clock: () => now });
  const ms = (at: string) =>
    (at.length > 16 ? DateTime.fromFormat(at, 'yyyy-MM-dd HH:mm:ss', { zone }) : DateTime.fromFormat(at, 'yyyy-MM-dd HH:mm', { zone })).toMillis();
  const ips = new Map<string, string>();
  const ipOf = (visitor: string) => ips.get(visitor) ?? (ips.set(visitor, `10.0.${Math.floor(ips.size / 250)}.${(ips.size % 250) + 1}`), ips.get(visitor)!);
  let n = 0;

  /** Stores the events in order, each at its own time, and resolves once all are committed. */
  async function add(...inputs: EventInput[]): Promise<void> {
    for (const { at, session, visitor, ...fields } of inputs) {
      now = ms(at);
      if (Number.isNaN(now)) throw new Error(`bad time ${at}`);
      const event = TrackEventSchema.parse({ pv: `pv-${session}-${++n}`, ...fields });
      await ingest.store([event], { ip: ipOf(visitor ?? `visitor-${session}`), userAgent: USER_AGENT, now });
    }
  }
  return { add, ms, close: () => ingest.close() };
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
