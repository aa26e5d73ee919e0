/** Tickets handed over by code (the demo, kb copy's callers) on PostgreSQL: written like an import's rows, all or nothing per batch. */
import { count, desc, getTableColumns } from 'drizzle-orm';
import { ROW_COLUMNS } from '../../tickets/ticket-fields.ts';
import { toTicketRow, type CanonicalTicket, type UpsertOptions } from '../../tickets/upsert-tickets.ts';
import type { StagedRecord } from '../../tickets/worker-protocol.ts';
import type { WriteCounts } from '../../tickets/write-rows.ts';
import type { PgDb } from '../client.ts';
import { imports } from '../schema/index.ts';
import { openTicketWriter, type TicketWriterOptions } from './ticket-writer.ts';

/** Writes `records` (ids not repeated) in one transaction; the counts of new, changed and unchanged tickets. */
export async function writeTicketRecordsPg(db: PgDb, records: Iterable<StagedRecord>, opts: TicketWriterOptions): Promise<WriteCounts> {
  const writer = await openTicketWriter(db.$client, opts);
  try {
    for (const r of records) writer.add(r);
    await writer.finish();
    return await writer.commit();
  } finally {
    await writer.dispose();
  }
}

/** Upserts on (source, externalId), batch by batch; the last of repeated ids wins. */
export async function upsertTicketsPg(db: PgDb, tickets: Iterable<CanonicalTicket>, { source, batchSize = 5000 }: UpsertOptions): Promise<WriteCounts> {
  const total: WriteCounts = { imported: 0, updated: 0, unchanged: 0 };
  const now = Date.now();
  let batch = new Map<string, StagedRecord>();
  const flush = async () => {
    const c = await writeTicketRecordsPg(db, batch.values(), { source, now, dryRun: false });
    total.imported += c.imported;
    total.updated += c.updated;
    total.unchanged += c.unchanged;
    batch = new Map();
  };
  let line = 0;
  for (const t of tickets) {
    const row = toTicketRow(t);
    const values = ROW_COLUMNS.map(([key]) => (key === 'abandoned' ? (row.abandoned === null ? null : row.abandoned ? 1 : 0) : row[key]));
    // Map order is first-set order: a repeated id keeps its first place (and line) but takes the last values.
    const prev = batch.get(row.externalId);
    batch.set(row.externalId, [prev?.[0] ?? ++line, ...(values as [string, ...Array<string | number | null>]), JSON.stringify(row.tags)]);
    if (batch.size >= batchSize) await flush();
  }
  if (batch.size) await flush();
  return total;
}

/** Imports, newest first: `limit` of them from `offset` on (first_ticket_id is SQLite's journal, not history). */
export function listImportsPg(db: PgDb, limit = 20, offset = 0) {
  const { firstTicketId: _journal, ...shown } = getTableColumns(imports);
  return db.select(shown).from(imports).orderBy(desc(imports.finishedAt), desc(imports.id)).limit(limit).offset(offset);
}

/** How many imports the history holds. */
export async function countImportsPg(db: PgDb): Promise<number> {
  const [row] = await db.select({ n: count() }).from(imports);
  return row?.n ?? 0;
}
