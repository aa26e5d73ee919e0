/**
 * The storage interface: the one thing routes, pages, CLI commands, the demo and the benchmarks hold of the database.
 *
 * Every method is async and self-contained (a transaction, where one is needed, begins and ends inside it), takes and
 * returns plain data, and leaks no connection, statement or SQL; so it can be implemented over a network connection
 * as well as over the SQLite file (db/sqlite/store.ts). openStore() (db/open-store.ts) picks the adapter from the
 * config. To add a method: declare it in its feature's group here with a JSDoc line, implement it in every adapter
 * (db/sqlite/store.ts and any other), and put the types it speaks in db/shared/ or below in this file.
 */
import type { TrackEvent } from './shared/event.ts';
import type { Catalog } from './shared/catalog.ts';
import type {
  ArticleReport,
  ArticleViews,
  ArticleReportFilters,
  ContactFormReport,
  GapReport,
  OverviewReport,
  OverviewReportFilters,
  SearchReportFilters,
  QueryDetail,
  ReportFilters,
  SearchReport,
  TicketReport,
  TicketReportFilters,
} from './shared/reports.ts';
import type { ContactChannel, RecentContact, RejectionReason } from './shared/contact.ts';
import type { DigestClaim, DigestSend } from './shared/digest.ts';
import type { ImportRecord } from './tickets/list-imports.ts';
import type { CanonicalTicket, UpsertOptions } from './tickets/upsert-tickets.ts';
import type { ImportOptions, ImportResult } from './tickets/run-import.ts';
import type { WriteCounts } from './tickets/write-rows.ts';
import type { ContactRequestRow, NewContactRequest, SpentToken } from './contact/requests.ts';
import type { SessionLimits, SessionRecord } from './shared/sessions.ts';
import type { DueItem, OutboxRow } from './contact/outbox.ts';
import type { SessionArticles } from './contact/getSessionArticles.ts';

export type { CanonicalTicket, UpsertOptions, ImportOptions, ImportResult, WriteCounts, ImportRecord };
export type { ContactRequestRow, NewContactRequest, SpentToken, DueItem, OutboxRow, SessionArticles, SessionLimits, SessionRecord };
export { ImportBusyError } from './tickets/errors.ts';
export type { ImportProgress } from './tickets/run-import.ts';
export type { ProfileChoice } from './tickets/resolve-profile.ts';
export { ImportFileError, ProfileError, type RowError } from './tickets/errors.ts';
export { presetNames } from './tickets/profiles.ts';
export { resolveProfile } from './tickets/resolve-profile.ts';

/** Who sent events. Used for the visitor hash only; neither value is ever stored. */
export interface ClientInfo {
  ip: string;
  userAgent: string;
  /** When the events happened, epoch ms; defaults to now. Backfills (the demo) pass it explicitly. */
  now?: number;
}

/** Tracking: the events of POST /api/events and what ingest settles for them (sessions, visitor hashes, rollups). */
export interface TrackingStore {
  /**
   * Stores validated events from one client; resolves with how many were stored once they are committed.
   * Calls made without awaiting each other are written together in one transaction.
   */
  store(events: readonly TrackEvent[], client: ClientInfo): Promise<number>;
  /** Writes whatever is queued now and brings the report rollups up to date with it. */
  flush(): Promise<void>;
  /** The visitor hash ingest gives this client at `at` (SPEC 5.3); a process-local one when no event came that day. */
  visitorOf(ip: string, userAgent: string, at: number): Promise<string>;
}

/** Reports (SPEC 7): one method per report, each settling the rollups it reads first. */
export interface ReportsStore {
  overview(filters: OverviewReportFilters, catalog: Catalog): Promise<OverviewReport>;
  articles(filters: ArticleReportFilters, catalog: Catalog): Promise<ArticleReport>;
  search(filters: SearchReportFilters): Promise<SearchReport>;
  gaps(filters: ReportFilters, catalog: Catalog): Promise<GapReport>;
  tickets(filters: TicketReportFilters): Promise<TicketReport>;
  contact(filters: ReportFilters): Promise<ContactFormReport>;
  /** One query's figures in a range, the result counts its searches showed, and the locales it came from. */
  queryDetail(filters: Omit<ReportFilters, 'interval'> & { query: string }): Promise<QueryDetail>;
  /** Page views per article of one locale over local days `from`..`to` (YYYY-MM-DD, KB_TZ): popular articles on the home page. */
  articleViews(locale: string, from: string, to: string): Promise<ArticleViews[]>;
}

/** Tickets: imports from helpdesk exports, and tickets written by code (the demo), with one set of upsert rules. */
export interface TicketsStore {
  /** Imports one file all or nothing (bad rows come back in the result); throws ImportFileError or ProfileError. */
  importFile(file: string, options: ImportOptions): Promise<ImportResult>;
  /** Stores canonical tickets (upsert on source and external id). */
  upsert(tickets: Iterable<CanonicalTicket>, options: UpsertOptions): Promise<WriteCounts>;
  /** Finished imports, newest first: `limit` of them from `offset` on. */
  listImports(limit?: number, offset?: number): Promise<ImportRecord[]>;
  /** How many imports the history holds. */
  countImports(): Promise<number>;
  /**
   * Undoes what an import left half-written when its process died (it is then `interrupted`), in short transactions;
   * resolves with how many it undid. Cheap when there is none; a live import is left alone.
   */
  recoverInterrupted(): Promise<number>;
}

/** Contact: requests from the contact form, the spam it turned away, and the delivery outbox. */
export interface ContactStore {
  /**
   * Stores a request with one outbox item per channel, in one transaction, spending its form token there (each token
   * is good for one request); resolves with its id, or undefined (nothing stored) when the token was spent already.
   */
  storeRequest(request: NewContactRequest, channels: readonly ContactChannel[], token?: SpentToken): Promise<number | undefined>;
  /** Requests stored for a visitor since `since` (epoch ms): the per-visitor rate limit. */
  countRequestsSince(visitor: string, since: number): Promise<number>;
  /** Requests stored from a (hashed) client address since `since`: the per-address rate limit. */
  countAddressRequestsSince(address: string, since: number): Promise<number>;
  /** The articles the visitor viewed in the session open at `at`. */
  sessionArticles(visitor: string, at: number): Promise<SessionArticles>;
  /** Counts one post turned away on a local day (YYYY-MM-DD). */
  countRejection(day: string, reason: RejectionReason): Promise<void>;
  /** Requests stored over local days `fromDay`..`toDay` in KB_TZ. */
  countRequests(fromDay: string, toDay: string): Promise<number>;
  /** Posts turned away per reason over local days `fromDay`..`toDay`. */
  rejectionTotals(fromDay: string, toDay: string): Promise<Partial<Record<RejectionReason, number>>>;
  /** The newest requests with each channel's delivery state; `failing`: only those a channel has not accepted yet. */
  recent(options?: { limit?: number; failing?: boolean }): Promise<RecentContact[]>;
  /** Makes a request's undelivered items due now; resolves with how many were rescheduled. */
  retry(requestId: number, at: number): Promise<number>;
  /** Outbox items due at `at` with their requests, oldest first. */
  dueItems(at: number, limit?: number): Promise<DueItem[]>;
  /** When the next item falls due (epoch ms), if any. */
  nextDueAt(): Promise<number | undefined>;
  /**
   * Takes an item for one attempt until `leaseUntil` and counts the attempt (committed before anything is sent, so
   * an attempt cut short by a crash is followed by the next number); resolves with the attempt's number, or
   * undefined when another attempt holds the item.
   */
  claim(item: OutboxRow, leaseUntil: number, at: number): Promise<number | undefined>;
  markDelivered(item: OutboxRow, at: number): Promise<void>;
  /** Records a failed attempt; `nextAttemptAt` null gives up. */
  markFailed(item: OutboxRow, at: number, error: string, nextAttemptAt: number | null): Promise<void>;
  /** Gives an item back, due at `at` (shutting down mid-attempt); the attempt stays counted. */
  release(item: OutboxRow, at: number): Promise<void>;
}

/** The scheduled digest (SPEC 7.5): which periods went out, claimed atomically so one process sends each. */
export interface DigestStore {
  /** Claims a period unless it was sent or another claim is live; true when this caller now holds it. One statement. */
  claim(claim: DigestClaim): Promise<boolean>;
  /** Marks a period this owner claimed as sent. */
  markSent(period: string, owner: string, at: number): Promise<void>;
  /** Records a failed send; the claim goes stale at `retryAt`, when any process may claim the period again. */
  markFailed(failure: { period: string; owner: string; error: string; retryAt: number; leaseMs: number }): Promise<void>;
  /** The newest periods, newest first. */
  list(limit?: number): Promise<DigestSend[]>;
}

/** Dashboard sessions (SPEC 8), found by a keyed hash of their id; the caller decides expiry with its clock. */
export interface SessionsStore {
  /** Stores a new session. */
  open(session: SessionRecord): Promise<void>;
  /** The session with this id hash if it is within both limits at `now`. */
  find(idHash: string, now: number, limits: SessionLimits): Promise<SessionRecord | undefined>;
  /** Records a request at `now` (the idle limit counts from the last one). */
  touch(idHash: string, now: number): Promise<void>;
  /** Logout: the session is gone. */
  end(idHash: string): Promise<void>;
  /** Deletes sessions past either limit and those opened with another admin token; resolves with how many. */
  endDead(now: number, limits: SessionLimits, tokenHash: string): Promise<number>;
  /** Records a failed login or Bearer token from an address (its keyed hash) at `at`; forgets failures before `forgetBefore`. */
  recordFailure(addressHash: string, at: number, forgetBefore: number): Promise<void>;
  /** How many failures an address (its keyed hash) has had since `since`. */
  failuresSince(addressHash: string, since: number): Promise<number>;
}

/** Admin and maintenance: schema, rollups, backups, health, shutdown. */
export interface AdminStore {
  /** Applies pending migrations (openStore already did, unless told not to). */
  migrate(): Promise<void>;
  /** Rebuilds the event rollups when KB_TZ changed since they were built; true when it rebuilt. */
  ensureRollups(): Promise<boolean>;
  /** Rebuilds every report rollup (events and tickets) from the raw rows; resolves with the events replayed. */
  rebuildRollups(onProgress?: (done: number, total: number) => void): Promise<number>;
  /**
   * Writes a consistent copy of the whole database to `file` (created 0600, never the live database itself) while
   * writers go on, and checks it; resolves with what the check said (`ok`).
   */
  backup(file: string): Promise<string>;
  /** True when the database answers. */
  health(): Promise<boolean>;
  /** Flushes pending writes, stops background work and closes the connection; the store is unusable afterwards. */
  close(): Promise<void>;
}

export interface Store {
  /** Which adapter and database this is, for messages (`SQLite database /srv/kb/data/kb.sqlite`). */
  readonly describe: string;
  tracking: TrackingStore;
  reports: ReportsStore;
  tickets: TicketsStore;
  contact: ContactStore;
  digest: DigestStore;
  sessions: SessionsStore;
  admin: AdminStore;
}
