/**
 * SQLite's import target: the checked rows staged in a local file (db/tickets/staging.ts), then written in chunks under
 * the import lock with an undo journal, so the import is all or nothing across a crash too (db/tickets/journal.ts).
 * Apart from importInto() (run-import.ts) so a PostgreSQL import loads none of SQLite's code.
 */
import type { Db } from '../sqlite/client.ts';
import { imports } from '../schema/index.ts';
import { ImportBusyError } from './errors.ts';
import { Staging } from './staging.ts';
import { writeStaged } from './write-staged.ts';
import { prepareTempDir } from '../shared/temp-files.ts';
import { serverIsRunning } from '../sqlite/server-lock.ts';
import { acquireImportLock, tryImportLock, type ImportLock } from './import-lock.ts';
import { errorSample, importInto, type ImportOptions, type ImportResult, type ImportTarget } from './run-import.ts';
import { dropUndoRows, finishImport, startImport, undoImport, undoLeftovers } from './journal.ts';

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));
/** Longer than SQLite's longest wait between two tries of a writer kept waiting (100 ms). */
const SHARE_PAUSE_MS = 110;
/** What one write transaction of an import should take. */
const CHUNK_MS = 150;

/** Imports one file into SQLite. File-level problems throw ImportFileError/ProfileError; bad rows come back in the result. */
export function importFile(db: Db, file: string, opts: ImportOptions): Promise<ImportResult> {
  return importInto(sqliteTarget(db), file, opts);
}

function sqliteTarget(db: Db): ImportTarget<Staging> {
  const tempDir = `${db.$client.name}.tmp`;
  return {
    open() {
      // Staging files a killed import left (its process gone) go before this one makes its own.
      prepareTempDir(tempDir);
      return new Staging(tempDir);
    },
    async write(staging, result, opts, startedAt) {
      if (opts.dryRun) {
        await writeAll(db, staging, result.source, result, opts, undefined);
        return false;
      }
      await writeJournaled(db, staging, result.source, result, opts, startedAt);
      return true;
    },
    record: async (entry) => void db.insert(imports).values(entry).run(),
  };
}

/**
 * Writes under the import lock with an undo journal: `running` until one short transaction marks it `ok`. An error
 * on the way undoes what was written (`failed`); a crash leaves it to the next process that opens the database.
 */
async function writeJournaled(db: Db, staging: Staging, source: string, result: ImportResult, given: ImportOptions, started: number) {
  const dbFile = db.$client.name;
  const opts = { ...given, besideServer: given.besideServer ?? serverIsRunning(dbFile) };
  // Between transactions: back to the event loop, and beside a server, the write lock left free for it a while.
  const between = () => (opts.besideServer ? new Promise((resolve) => setTimeout(resolve, SHARE_PAUSE_MS)) : yieldToEventLoop());
  let lock: ImportLock | undefined;
  if (opts.waitForLock === false) {
    lock = tryImportLock(dbFile);
    if (!lock) throw new ImportBusyError();
  } else lock = await acquireImportLock(dbFile, opts.onLockWait);
  try {
    // Holding the lock, any import still marked running died: undo it before writing over it.
    undoLeftovers(db);
    const importId = startImport(db, { source, fileName: result.fileName, profile: opts.profileLabel, ranBy: opts.ranBy ?? null, startedAt: started });
    try {
      await writeAll(db, staging, source, result, opts, importId);
    } catch (err) {
      for (const _ of undoImport(db, importId, 'failed')) await between();
      throw err;
    }
    result.committed = true;
    result.durationMs = Date.now() - started;
    finishImport(db, importId, {
      status: 'ok',
      rows: result.rows,
      imported: result.imported,
      updated: result.updated,
      unchanged: result.unchanged,
      skipped: result.skipped,
      errors: result.errorCount,
      errorSample: errorSample(result.errors),
      finishedAt: Date.now(),
    });
    for (const _ of dropUndoRows(db, importId)) await between();
  } finally {
    lock.release();
  }
}

async function writeAll(db: Db, staging: Staging, source: string, result: ImportResult, opts: ImportOptions, importId: number | undefined) {
  staging.close();
  const total = staging.count;
  const c = await writeStaged(db, staging.file, {
    source,
    now: Date.now(),
    dryRun: opts.dryRun === true,
    importId,
    chunkRows: opts.batchSize ?? 1000,
    // Unless a test fixes the size: transactions of about CHUNK_MS, so a server sharing the file waits little.
    targetChunkMs: opts.batchSize ? undefined : CHUNK_MS,
    pauseMs: opts.besideServer ? SHARE_PAUSE_MS : 0,
    onChunk: (done) => opts.onProgress?.({ phase: 'write', done, total }),
  });
  result.imported = c.imported;
  result.updated = c.updated;
  result.unchanged = c.unchanged;
}
