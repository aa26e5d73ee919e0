/**
 * Ticket file imports into PostgreSQL: read, map and check as on SQLite, with the checked rows streamed into one
 * transaction as they come (db/pg/tickets/ticket-writer.ts), published all or nothing with the import's record.
 */
import { importEntry, importInto, type ImportEntry, type ImportOptions, type ImportResult, type ImportTarget } from '../../tickets/run-import.ts';
import { openPg, type PgDb, type Sql } from '../client.ts';
import { jsonRows } from '../json-rows.ts';
import { openTicketWriter, type TicketWriter } from './ticket-writer.ts';

/** The history row in the imports table's column names. */
const columns = (e: ImportEntry) => ({
  source: e.source, file_name: e.fileName, profile: e.profile, status: e.status, rows: e.rows, imported: e.imported, updated: e.updated,
  unchanged: e.unchanged, skipped: e.skipped, errors: e.errors, error_sample: e.errorSample, ran_by: e.ranBy,
  started_at: e.startedAt, finished_at: e.finishedAt,
});

async function insertImport(sql: Sql, entry: ImportEntry): Promise<void> {
  const values = columns(entry);
  // The sample as JSON text: postgres.js has no serializer for a jsonb parameter (an array of objects failed the insert).
  const sample = values.error_sample === null ? null : jsonRows(values.error_sample);
  await sql`INSERT INTO imports ${sql({ ...values, error_sample: sample } as never)}`;
}

/**
 * The import's own connection, for its settings: room for its temporary tables in memory (the ids seen so far, the
 * chunk being written; PostgreSQL's default of 8 MB sends a million ids' index to disk page by page) and for the
 * sorts and hashes of a chunk. Both are taken as needed, up to these sizes, and freed when the import ends.
 */
const IMPORT_SETTINGS = { temp_buffers: '256MB', work_mem: '64MB', jit: 'off', application_name: 'kb import' };

function pgTarget(db: PgDb, url: string): ImportTarget<TicketWriter> {
  return {
    open: (opts, source) =>
      openTicketWriter(openPg(url, { max: 1, connection: IMPORT_SETTINGS }).$client, {
        source,
        now: Date.now(),
        dryRun: opts.dryRun === true,
        waitForLock: opts.waitForLock,
        onLockWait: opts.onLockWait,
        chunkRows: opts.batchSize,
        ownsConnection: true,
      }),
    async write(writer, result, opts: ImportOptions, startedAt) {
      // The history row commits with the tickets: after a crash there is neither or both.
      const counts = await writer.commit((tx, c) => insertImport(tx, importEntry({ ...result, ...c, committed: true }, opts, startedAt)));
      Object.assign(result, counts);
      opts.onProgress?.({ phase: 'write', done: result.rows, total: result.rows });
      return !opts.dryRun;
    },
    record: (entry) => insertImport(db.$client, entry),
  };
}

/** Imports one file into the PostgreSQL database `db` at `url` (the options and result of db/tickets/run-import.ts). */
export function importFileToPg(db: PgDb, url: string, file: string, opts: ImportOptions): Promise<ImportResult> {
  return importInto(pgTarget(db, url), file, opts);
}
