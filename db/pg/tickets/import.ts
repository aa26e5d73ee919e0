/** Ticket file imports into PostgreSQL: read, map and check as on SQLite, then publish all or nothing with the import's record. */
import { importEntry, importInto, type ImportEntry, type ImportOptions, type ImportResult, type ImportTarget } from '../../tickets/run-import.ts';
import type { PgDb, Sql } from '../client.ts';
import { publishStagedPg } from './publish-staged.ts';

/** The history row in the imports table's column names. */
const columns = (e: ImportEntry) => ({
  source: e.source, file_name: e.fileName, profile: e.profile, status: e.status, rows: e.rows, imported: e.imported, updated: e.updated,
  unchanged: e.unchanged, skipped: e.skipped, errors: e.errors, error_sample: e.errorSample, ran_by: e.ranBy,
  started_at: e.startedAt, finished_at: e.finishedAt,
});

async function insertImport(sql: Sql, entry: ImportEntry): Promise<void> {
  const values = columns(entry);
  await sql`INSERT INTO imports ${sql({ ...values, error_sample: values.error_sample === null ? null : sql.json(values.error_sample) } as never)}`;
}

function pgTarget(db: PgDb, tempDir: string): ImportTarget {
  return {
    tempDir,
    async write(staging, result, opts: ImportOptions, startedAt) {
      staging.close();
      const total = staging.count;
      const counts = await publishStagedPg(db, staging.file, {
        source: result.source,
        now: Date.now(),
        dryRun: opts.dryRun === true,
        onRows: (done) => opts.onProgress?.({ phase: 'write', done, total }),
        // The history row commits with the tickets: after a crash there is neither or both.
        record: (tx, c) => insertImport(tx, importEntry({ ...result, ...c, committed: true }, opts, startedAt)),
      });
      Object.assign(result, counts);
      return !opts.dryRun;
    },
    record: (entry) => insertImport(db.$client, entry),
  };
}

/** Imports one file into PostgreSQL (the options and result of db/tickets/run-import.ts); staging files go to `tempDir`. */
export function importFileToPg(db: PgDb, file: string, opts: ImportOptions, tempDir: string): Promise<ImportResult> {
  return importInto(pgTarget(db, tempDir), file, opts);
}
