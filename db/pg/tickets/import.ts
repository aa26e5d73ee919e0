/** Ticket file imports into PostgreSQL: read, map and check as on SQLite, then publish all or nothing with the import's record. */
import { importInto, type ImportOptions, type ImportResult, type ImportTarget } from '../../tickets/run-import.ts';
import type { PgDb, Sql } from '../client.ts';
import { publishStagedPg } from './publish-staged.ts';

const record = (r: ImportResult, profile: string, startedAt: number, status: 'ok' | 'failed') => ({
  source: r.source, file_name: r.fileName, profile, status, rows: r.rows, imported: r.imported, updated: r.updated,
  unchanged: r.unchanged, skipped: r.skipped, errors: r.errorCount, started_at: startedAt, finished_at: Date.now(),
});

async function insertImport(sql: Sql, values: ReturnType<typeof record>): Promise<void> {
  await sql`INSERT INTO imports ${sql(values)}`;
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
        record: (tx, c) => insertImport(tx, record({ ...result, ...c }, opts.profileLabel, startedAt, 'ok')),
      });
      Object.assign(result, counts);
      return !opts.dryRun;
    },
    record: (result, profile, startedAt) => insertImport(db.$client, record(result, profile, startedAt, result.committed ? 'ok' : 'failed')),
  };
}

/** Imports one file into PostgreSQL (the options and result of db/tickets/run-import.ts); staging files go to `tempDir`. */
export function importFileToPg(db: PgDb, file: string, opts: ImportOptions, tempDir: string): Promise<ImportResult> {
  return importInto(pgTarget(db, tempDir), file, opts);
}
