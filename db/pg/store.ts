/**
 * The Store over PostgreSQL (docs/scale-out.md): any number of nodes share one database. Ingest resolves
 * sessions through the database, rollups are applied from a queue by one node at a time, tickets are published
 * all or nothing with their rollups, and the outbox is claimed compare-and-set, so several nodes answer as one.
 */
import type { Config } from '../shared/config.ts';
import type { Store } from '../store.ts';
import type { PgDb } from './client.ts';
import { describeUrl } from './client.ts';
import { migratePg } from './migrate.ts';
import { openPgDatabase, type OpenPgOptions } from './open.ts';
import { backupPg } from './backup.ts';
import { createPgIngest, type PgIngest } from './tracking/writer.ts';
import { pgVisitorOf } from './tracking/visitor-of.ts';
import { createRollupTimer } from './rollups/timer.ts';
import { settlePgRollups } from './rollups/applier.ts';
import { KnownVisitors } from './rollups/known-visitors.ts';
import { rebuildAllPgRollups } from './rollups/rebuild-all.ts';
import { ensurePgTicketRollups } from './tickets/rollups.ts';
import { pgReportReads } from './reports/reads.ts';
import { reportsStore } from '../reports/reports-store.ts';
import * as contact from './contact/outbox.ts';
import { countAddressRequestsSince, countRejection, countRequestsPg, countRequestsSince, rejectionTotals, storeContactRequest } from './contact/requests.ts';
import * as pgSessions from './admin/sessions.ts';
import { pgSessionArticles } from './contact/session-articles.ts';
import { pgRecentContacts } from './contact/recent.ts';
import { importFileToPg } from './tickets/import.ts';
import { countImportsPg, listImportsPg, upsertTicketsPg } from './tickets/upsert.ts';
import { claimDigestPeriodPg, listDigestSendsPg, markDigestFailedPg, markDigestSentPg } from './digest/sends.ts';

export interface PgStoreOptions extends OpenPgOptions {
  clock?: () => number;
  maxBatchEvents?: number;
}

export function pgStore(db: PgDb, config: Config & { databaseUrl: string }, options: PgStoreOptions = {}): Store {
  const zone = config.timeZone;
  // One cache of committed visitor-set members per node, shared by its background applier and its drains.
  const known = new KnownVisitors();
  const timer = createRollupTimer(db, zone, known);
  let ingest: PgIngest | undefined;
  const writer = () => (ingest ??= createPgIngest(db, config, { clock: options.clock, maxBatchEvents: options.maxBatchEvents, onCommit: timer.nudge }));
  const reads = pgReportReads(db, zone, known);
  const secret = config.secret ?? config.adminToken ?? '';
  let closed: Promise<void> | undefined;
  return {
    describe: `PostgreSQL ${describeUrl(config.databaseUrl)}`,
    tracking: {
      store: (events, client) => writer().store(events, client),
      async flush() {
        await writer().flush();
        await settlePgRollups(db, zone, undefined, known);
      },
      visitorOf: (ip, userAgent, at) => pgVisitorOf(db, secret, ip, userAgent, at),
    },
    reports: reportsStore(reads, zone),
    tickets: {
      importFile: (file, opts) => importFileToPg(db, config.databaseUrl, file, opts),
      upsert: (tickets, opts) => upsertTicketsPg(db, tickets, opts),
      listImports: (limit, offset) => listImportsPg(db, limit, offset),
      countImports: () => countImportsPg(db),
      // An import publishes in one transaction here: a crash leaves nothing half-written to undo.
      recoverInterrupted: async () => 0,
    },
    contact: {
      storeRequest: (request, channels, token) => storeContactRequest(db, request, channels, token),
      countRequestsSince: (visitor, since) => countRequestsSince(db, visitor, since),
      countAddressRequestsSince: (address, since) => countAddressRequestsSince(db, address, since),
      sessionArticles: (visitor, at) => pgSessionArticles(db, visitor, at),
      countRejection: (day, reason) => countRejection(db, day, reason),
      rejectionTotals: (fromDay, toDay) => rejectionTotals(db, fromDay, toDay),
      countRequests: (fromDay, toDay) => countRequestsPg(db, fromDay, toDay, zone),
      recent: (opts) => pgRecentContacts(db, opts),
      retry: (requestId, at) => contact.retryRequest(db, requestId, at),
      dueItems: (at, limit) => contact.dueItems(db, at, limit),
      nextDueAt: () => contact.nextDueAt(db),
      claim: (item, leaseUntil, at) => contact.claimItem(db, item, leaseUntil, at),
      markDelivered: (item, at) => contact.markDelivered(db, item, at),
      markFailed: (item, at, error, next) => contact.markFailed(db, item, at, error, next),
      release: (item, at) => contact.releaseItem(db, item, at),
    },
    digest: {
      claim: (claim) => claimDigestPeriodPg(db, claim),
      markSent: (period, owner, at) => markDigestSentPg(db, period, owner, at),
      markFailed: (failure) => markDigestFailedPg(db, failure),
      list: (limit) => listDigestSendsPg(db, limit),
    },
    sessions: {
      open: (session) => pgSessions.insertSession(db, session),
      find: (idHash, now, limits) => pgSessions.findLiveSession(db, idHash, now, limits),
      touch: (idHash, now) => pgSessions.touchSession(db, idHash, now),
      end: (idHash) => pgSessions.deleteSession(db, idHash),
      endDead: (now, limits, tokenHash) => pgSessions.deleteDeadSessions(db, now, limits, tokenHash),
      recordFailure: (addressHash, at, forgetBefore) => pgSessions.recordFailure(db, addressHash, at, forgetBefore),
      failuresSince: (addressHash, since) => pgSessions.failuresSince(db, addressHash, since),
    },
    admin: {
      migrate: () => migratePg(db),
      async ensureRollups() {
        await ensurePgTicketRollups(db, zone);
        return false;
      },
      rebuildRollups: (onProgress) => rebuildAllPgRollups(db, zone, onProgress),
      async backup(file) {
        await backupPg(config.databaseUrl, file);
        return 'ok (pg_dump)';
      },
      async health() {
        try {
          const [row] = await db.$client`SELECT 1 AS ok`;
          return row?.ok === 1;
        } catch {
          return false;
        }
      },
      close: () =>
        (closed ??= (async () => {
          await ingest?.close();
          await timer.stop();
          await db.$client.end({ timeout: 5 });
        })()),
    },
  };
}

/** Opens PostgreSQL at config.databaseUrl (reachable, 15+, migrated, same KB_TZ) as a Store. */
export async function openPgStore(config: Config & { databaseUrl: string }, options: PgStoreOptions = {}): Promise<Store> {
  const db = await openPgDatabase(config, options);
  return pgStore(db, config, options);
}
