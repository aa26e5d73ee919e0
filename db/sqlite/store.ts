/** The Store over one SQLite file: today's synchronous SQLite code behind the async storage interface (db/store.ts). */
import { existsSync } from 'node:fs';
import type { Config } from '../shared/config.ts';
import type { Store } from '../store.ts';
import { openDb, type Db } from './client.ts';
import { migrateDb } from './migrate.ts';
import { startCheckpointer, type Checkpointer } from './checkpointer.ts';
import { createIngest, type Ingest } from '../tracking/writer.ts';
import { visitorOf } from '../tracking/visitor-of.ts';
import { sqliteReportReads } from '../reports/report-reads.ts';
import { reportsStore } from '../reports/reports-store.ts';
import { ensureRollups, rebuildRollups } from '../reports/rollups/rebuild.ts';
import { rebuildTicketRollups } from '../reports/rollups/tickets.ts';
import { importFile } from '../tickets/sqlite-import.ts';
import { upsertTickets } from '../tickets/upsert-tickets.ts';
import { countImports, listImports } from '../tickets/list-imports.ts';
import { countAddressRequestsSince, countRequestsSince, storeContactRequest } from '../contact/requests.ts';
import { deleteDeadSessions, deleteSession, failuresSince, findLiveSession, insertSession, recordFailure, touchSession } from '../admin/sessions.ts';
import { recoverInterruptedImports, recoverInterruptedImportsAsync } from '../tickets/journal.ts';
import { backupDatabase } from './backup.ts';
import { getSessionArticles } from '../contact/getSessionArticles.ts';
import { countRejection, rejectionTotals } from '../contact/rejections.ts';
import { countContactRequests, getRecentContacts } from '../contact/getRecentContacts.ts';
import { claimItem, dueItems, markDelivered, markFailed, nextDueAt, releaseItem, retryRequest } from '../contact/outbox.ts';
import { claimDigestPeriod, listDigestSends, markDigestFailed, markDigestSent } from '../digest/sends.ts';

export interface SqliteStoreOptions {
  /** Checkpoint the WAL from a worker thread (the server); CLI commands and tests leave it to SQLite. */
  checkpointer?: boolean;
  /** The ingest clock (epoch ms) for events without a time and for dropping past salts at open (the demo backfills). */
  clock?: () => number;
  /** Flush a group commit without waiting for the event loop once this many events are queued. */
  maxBatchEvents?: number;
}

/**
 * Wraps an open, migrated database. The ingest writer starts on first use, so a command that never stores
 * events (a report, an import) runs no rollup timer.
 */
export function sqliteStore(db: Db, config: Config, options: SqliteStoreOptions = {}): Store {
  const checkpointer: Checkpointer | undefined = options.checkpointer ? startCheckpointer(db, config.dbFile) : undefined;
  let ingest: Ingest | undefined;
  const writer = () => (ingest ??= createIngest(db, config, { clock: options.clock, maxBatchEvents: options.maxBatchEvents }));
  const zone = config.timeZone;
  const reads = sqliteReportReads(db);
  let closed: Promise<void> | undefined;
  return {
    describe: `SQLite database ${config.dbFile}`,
    tracking: {
      store: (events, client) => writer().store(events, client),
      flush: async () => writer().flush(),
      visitorOf: async (ip, userAgent, at) => visitorOf(db, ip, userAgent, at),
    },
    reports: reportsStore(reads, zone),
    tickets: {
      importFile: (file, opts) => importFile(db, file, opts),
      upsert: async (tickets, opts) => upsertTickets(db, tickets, opts),
      listImports: async (limit, offset) => listImports(db, limit, offset),
      countImports: async () => countImports(db),
      recoverInterrupted: () => recoverInterruptedImportsAsync(db),
    },
    contact: {
      storeRequest: async (request, channels, token) => storeContactRequest(db, request, channels, token),
      countRequestsSince: async (visitor, since) => countRequestsSince(db, visitor, since),
      countAddressRequestsSince: async (address, since) => countAddressRequestsSince(db, address, since),
      sessionArticles: async (visitor, at) => getSessionArticles(db, visitor, at),
      countRejection: async (day, reason) => countRejection(db, day, reason),
      rejectionTotals: async (fromDay, toDay) => rejectionTotals(db, fromDay, toDay),
      countRequests: async (fromDay, toDay) => countContactRequests(db, fromDay, toDay, zone),
      recent: async (opts) => getRecentContacts(db, opts),
      retry: async (requestId, at) => retryRequest(db, requestId, at),
      dueItems: async (at, limit) => dueItems(db, at, limit),
      nextDueAt: async () => nextDueAt(db),
      claim: async (item, leaseUntil, at) => claimItem(db, item, leaseUntil, at),
      markDelivered: async (item, at) => markDelivered(db, item, at),
      markFailed: async (item, at, error, next) => markFailed(db, item, at, error, next),
      release: async (item, at) => releaseItem(db, item, at),
    },
    digest: {
      claim: async (claim) => claimDigestPeriod(db, claim),
      markSent: async (period, owner, at) => markDigestSent(db, period, owner, at),
      markFailed: async (failure) => markDigestFailed(db, failure),
      list: async (limit) => listDigestSends(db, limit),
    },
    sessions: {
      open: async (session) => insertSession(db, session),
      find: async (idHash, now, limits) => findLiveSession(db, idHash, now, limits),
      touch: async (idHash, now) => touchSession(db, idHash, now),
      end: async (idHash) => deleteSession(db, idHash),
      endDead: async (now, limits, tokenHash) => deleteDeadSessions(db, now, limits, tokenHash),
      recordFailure: async (addressHash, at, forgetBefore) => recordFailure(db, addressHash, at, forgetBefore),
      failuresSince: async (addressHash, since) => failuresSince(db, addressHash, since),
    },
    admin: {
      migrate: async () => migrateDb(db),
      ensureRollups: async () => ensureRollups(db, config),
      async rebuildRollups(onProgress) {
        const events = rebuildRollups(db, config, onProgress);
        rebuildTicketRollups(db, zone);
        return events;
      },
      backup: async (file) => backupDatabase(db, file),
      health: async () => (db.$client.prepare('select 1 as ok').get() as { ok: number } | undefined)?.ok === 1,
      close: () =>
        (closed ??= (async () => {
          await ingest?.close();
          await checkpointer?.stop();
          db.$client.close();
        })()),
    },
  };
}

export interface OpenSqliteOptions extends SqliteStoreOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** Refuse to create the file: for commands that only make sense on an existing database (backup). */
  mustExist?: boolean;
}

/** Opens (creating and migrating, unless told otherwise) config.dbFile as a Store. */
export function openSqliteStore(config: Config, options: OpenSqliteOptions = {}): Store {
  if (options.mustExist && !existsSync(config.dbFile)) throw new Error(`No database at ${config.dbFile} (set KB_DB).`);
  const db = openDb(config.dbFile);
  try {
    if (options.migrate ?? true) {
      migrateDb(db);
      // An import a dead process left half-written is undone before anyone reads the tickets.
      recoverInterruptedImports(db);
    }
  } catch (err) {
    db.$client.close();
    throw err;
  }
  return sqliteStore(db, config, options);
}
