/** upsertTickets(): store canonical tickets from code (the demo generator, tests) with the importer's upsert rules. */
import type { Db } from '../sqlite/client.ts';
import { CHANNELS, type Channel } from '../shared/ticket-channels.ts';
import type { TicketRow } from './ticket-fields.ts';
import { hashRequester, readCsat } from './values.ts';
import { toStoredRow, writeRows, type WriteCounts } from './write-rows.ts';

/** A ticket as code hands it over; times are epoch ms (or Dates); `requester` is the raw identity, hashed here. */
export interface CanonicalTicket {
  externalId: string;
  createdAt: number | Date;
  firstResponseAt?: number | Date | null;
  solvedAt?: number | Date | null;
  status?: string | null;
  channel?: Channel | null;
  type?: string | null;
  priority?: string | null;
  tags?: readonly string[];
  subject?: string | null;
  requester?: string | null;
  assignee?: string | null;
  group?: string | null;
  replies?: number | null;
  reopens?: number | null;
  csat?: string | number | null;
  handleSeconds?: number | null;
  waitSeconds?: number | null;
  abandoned?: boolean | null;
  article?: string | null;
}

export interface UpsertOptions {
  source: string;
  /** Rows per transaction (default 1000). */
  batchSize?: number;
}

const ms = (v: number | Date | null | undefined) => (v === undefined || v === null ? null : v instanceof Date ? v.getTime() : v);

/** Checks and normalises one ticket; throws naming the ticket and field when a value is impossible. */
export function toTicketRow(t: CanonicalTicket): TicketRow {
  const where = `ticket ${JSON.stringify(t.externalId)}`;
  if (!t.externalId) throw new Error(`A ticket has no externalId.`);
  const createdAt = ms(t.createdAt);
  if (createdAt === null || !Number.isFinite(createdAt)) throw new Error(`${where}: createdAt is not a time.`);
  const channel = t.channel ?? 'other';
  if (!(CHANNELS as readonly string[]).includes(channel)) throw new Error(`${where}: channel "${channel}" is not one of ${CHANNELS.join(', ')}.`);
  let csat: string | null = null;
  if (t.csat !== undefined && t.csat !== null) {
    const c = readCsat(String(t.csat));
    if (!c.ok) throw new Error(`${where}: csat ${JSON.stringify(t.csat)} is ${c.reason}.`);
    csat = c.value;
  }
  return {
    externalId: t.externalId,
    createdAt,
    firstResponseAt: ms(t.firstResponseAt),
    solvedAt: ms(t.solvedAt),
    status: t.status ?? null,
    channel,
    type: t.type ?? null,
    priority: t.priority ?? null,
    subject: t.subject ?? null,
    requester: t.requester ? hashRequester(t.requester) : null,
    assignee: t.assignee ?? null,
    group: t.group ?? null,
    replies: t.replies ?? null,
    reopens: t.reopens ?? null,
    csat,
    handleSeconds: t.handleSeconds ?? null,
    waitSeconds: t.waitSeconds ?? null,
    abandoned: t.abandoned ?? null,
    article: t.article ?? null,
    tags: [...new Set((t.tags ?? []).map((x) => x.trim()).filter(Boolean))].sort(),
  };
}

/**
 * Upserts tickets on (source, externalId) in batches, one transaction each; tags are replaced per ticket.
 * Returns how many were new, changed and unchanged. Duplicate ids in the list: the last one wins.
 */
export function upsertTickets(db: Db, tickets: Iterable<CanonicalTicket>, { source, batchSize = 1000 }: UpsertOptions): WriteCounts {
  const total: WriteCounts = { imported: 0, updated: 0, unchanged: 0 };
  const now = Date.now();
  let batch = new Map<string, TicketRow>();
  const flush = () => {
    const c = writeRows(db, source, [...batch.values()].map(toStoredRow), now);
    total.imported += c.imported;
    total.updated += c.updated;
    total.unchanged += c.unchanged;
    batch = new Map();
  };
  for (const t of tickets) {
    const row = toTicketRow(t);
    batch.set(row.externalId, row);
    if (batch.size >= batchSize) flush();
  }
  if (batch.size) flush();
  return total;
}
