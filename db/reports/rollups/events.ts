/** Keeps the report rollups up to date with stored events, applied in order after they commit (catch-up.ts), or from scratch by rebuild.ts. */
import type { Config } from '../../shared/config.ts';
import type { Db } from '../../sqlite/client.ts';
import type { events } from '../../schema/index.ts';
import { localDayFn } from './local-day.ts';
import { DeferredStatements, KnownKeys } from './deferred.ts';
import { rollupStatements, type ArticleCol, type QueryCol, type SiteCol } from './rollup-statements.ts';
import { ReadSecondsDeltas, type ReadSecondsSink } from './read-seconds.ts';
import { normalizeQuery } from '../../tracking/event-fields.ts';

type Run = { run(...args: unknown[]): { changes: number } };
type Get = { get(...args: unknown[]): unknown };
type All = { all(...args: unknown[]): unknown[] };

/**
 * What the rollup logic below reads and writes, statement by statement: SQLite's prepared statements
 * (rollup-statements.ts), or the PostgreSQL applier's in-memory rows (db/pg/rollups), so both engines count alike.
 */
export interface RollupStatements {
  site: Record<SiteCol, Run>;
  article: Record<ArticleCol, Run>;
  query: Record<QueryCol, Run>;
  siteVisitor: Run;
  articleVisitor: Run;
  sessionInsert: Run;
  sessionGet: Get;
  sessionSet: Run;
  articleSessionInsert: Run;
  articleSessionContact: All;
  pvInsert: Run;
  pvGet: Get;
  pvSetRead: Run;
  pvSetVote: Run;
  comment: Run;
  querySessionInsert: Run;
  querySessionContact: All;
  searchBefore: Get;
  searchClick: Run;
}

/** The statements an event's rollups run, plus the read-time histograms (summed per batch). */
export type Sinks = RollupStatements & { readSeconds: ReadSecondsSink };

/** A stored event row, with its id. */
export type StoredEvent = typeof events.$inferSelect;

/** The rollup's locale keys for an event: its own locale ('' when unknown) and '*' (all locales). */
const localesOf = (locale: string | null) => [locale ?? '', '*'] as const;

const dayFns = new Map<string, (ts: number) => string>();
function dayFnFor(timeZone: string) {
  let fn = dayFns.get(timeZone);
  if (!fn) dayFns.set(timeZone, (fn = localDayFn(timeZone)));
  return fn;
}

/** A Drizzle database or the transaction handle `db.transaction(tx => ...)` passes. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

/** The better-sqlite3 connection behind a Drizzle database or transaction (one connection, so statements join the open transaction). */
export function sqliteOf(db: DbOrTx): Db['$client'] {
  const client = '$client' in db ? db.$client : (db as unknown as { session: { client: Db['$client'] } }).session.client;
  return client;
}

/**
 * Updates the derived tables for rows just inserted, in id order. Runs inside the caller's transaction
 * (pass the transaction handle or the database; both use the one connection the transaction is open on).
 * `known` carries rollup keys stored by earlier committed batches; the caller clears it if this one fails.
 */
export function applyEventRollups(
  db: DbOrTx,
  rows: readonly StoredEvent[],
  config: Pick<Config, 'timeZone'>,
  known: KnownKeys = new KnownKeys(),
): void {
  const client = sqliteOf(db);
  const batch = new DeferredStatements(rollupStatements(client), known);
  const readSeconds = new ReadSecondsDeltas(client);
  applyEventsTo({ ...batch.statements, readSeconds }, rows, config.timeZone);
  batch.flush();
  readSeconds.flush();
}

/** Runs the rollup logic for rows, in order, against any sinks (the caller writes what they collected). */
export function applyEventsTo(sinks: Sinks, rows: readonly StoredEvent[], timeZone: string): void {
  const dayOf = dayFnFor(timeZone);
  for (const ev of rows) applyOne(sinks, ev, dayOf(ev.ts), dayOf);
}

type Outcome = 'found_answer' | 'failed' | 'contacted';
const outcomeOf = (viewed: number, contacted: number): Outcome =>
  contacted ? 'contacted' : viewed ? 'found_answer' : 'failed';

function applyOne(s: Sinks, ev: StoredEvent, day: string, dayOf: (ts: number) => string) {
  for (const loc of localesOf(ev.locale)) {
    if (s.siteVisitor.run(loc, day, ev.visitor).changes) s.site.visitors.run(loc, day, 1);
    if (s.sessionInsert.run(ev.sessionId, loc, day).changes) {
      s.site.sessions.run(loc, day, 1);
      s.site.failed.run(loc, day, 1);
    }
  }
  switch (ev.type) {
    case 'view':
      return onView(s, ev, day);
    case 'read':
      return onRead(s, ev, day);
    case 'vote':
      return onVote(s, ev, day);
    case 'search':
      return onSearch(s, ev, day);
    case 'search_click':
      return onSearchClick(s, ev, dayOf);
    case 'contact':
      return onContact(s, ev, day);
    default:
      return;
  }
}

/** Moves a session between outcomes when one of its flags turns on. */
function setSessionFlag(s: RollupStatements, sessionId: number, loc: string, flag: 'viewed' | 'contacted') {
  const row = s.sessionGet.get(sessionId, loc) as { day: string; viewed: number; contacted: number };
  const viewed = flag === 'viewed' ? 1 : row.viewed;
  const contacted = flag === 'contacted' ? 1 : row.contacted;
  if (viewed === row.viewed && contacted === row.contacted) return;
  s.sessionSet.run(viewed, contacted, sessionId, loc);
  const before = outcomeOf(row.viewed, row.contacted);
  const after = outcomeOf(viewed, contacted);
  if (before !== after) {
    s.site[before].run(loc, row.day, -1);
    s.site[after].run(loc, row.day, 1);
  }
}

function onView(s: RollupStatements, ev: StoredEvent, day: string) {
  for (const loc of localesOf(ev.locale)) {
    s.site.views.run(loc, day, 1);
    if (!ev.article) continue;
    s.article.views.run(loc, day, ev.article, 1);
    if (s.articleVisitor.run(ev.article, loc, day, ev.visitor).changes) s.article.visitors.run(loc, day, ev.article, 1);
    if (s.articleSessionInsert.run(ev.article, loc, ev.sessionId, day).changes) s.article.sessions.run(loc, day, ev.article, 1);
    setSessionFlag(s, ev.sessionId, loc, 'viewed');
  }
  if (ev.article && ev.pv) s.pvInsert.run(ev.pv, ev.article, ev.locale ?? '', day, ev.sessionId);
}

interface PvRow {
  article: string;
  locale: string;
  day: string;
  maxSeconds: number;
  maxScroll: number;
  vote: number | null;
  voteTs: number | null;
  voteId: number | null;
}

/** The page view an event belongs to, created from the event when it is the pv's first. */
function pageView(s: RollupStatements, ev: StoredEvent, day: string): PvRow | undefined {
  if (!ev.pv) return undefined;
  if (ev.article) s.pvInsert.run(ev.pv, ev.article, ev.locale ?? '', day, ev.sessionId);
  return s.pvGet.get(ev.pv) as PvRow | undefined;
}

function onRead(s: Sinks, ev: StoredEvent, day: string) {
  const pv = pageView(s, ev, day);
  if (!pv) return;
  const seconds = Math.max(pv.maxSeconds, ev.seconds ?? 0);
  const scroll = Math.max(pv.maxScroll, ev.scroll ?? 0);
  if (seconds === pv.maxSeconds && scroll === pv.maxScroll) return;
  s.pvSetRead.run(seconds, scroll, ev.pv);
  for (const loc of localesOf(pv.locale)) {
    if (seconds > pv.maxSeconds) {
      if (pv.maxSeconds === 0) s.article.engaged_views.run(loc, pv.day, pv.article, 1);
      s.article.engaged_seconds.run(loc, pv.day, pv.article, seconds - pv.maxSeconds);
      s.readSeconds.move(loc, pv.day, pv.article, pv.maxSeconds, seconds);
    }
    if (pv.maxScroll < 90 && scroll >= 90) s.article.read_through.run(loc, pv.day, pv.article, 1);
  }
}

function onVote(s: RollupStatements, ev: StoredEvent, day: string) {
  const pv = pageView(s, ev, day);
  if (!pv || ev.helpful === null) return;
  if (ev.comment && ev.comment.trim()) s.comment.run(ev.id, pv.article, ev.locale ?? pv.locale, day, ev.ts, ev.comment);
  // Last vote per page view counts: a later (ts, id) replaces the earlier one.
  const later = pv.voteTs === null || ev.ts > pv.voteTs || (ev.ts === pv.voteTs && ev.id > (pv.voteId ?? 0));
  if (!later) return;
  const vote = ev.helpful ? 1 : 0;
  s.pvSetVote.run(vote, ev.ts, ev.id, ev.pv);
  if (pv.vote === vote) return;
  for (const loc of localesOf(pv.locale)) {
    if (pv.vote !== null) s.article[pv.vote ? 'helpful_yes' : 'helpful_no'].run(loc, pv.day, pv.article, -1);
    s.article[vote ? 'helpful_yes' : 'helpful_no'].run(loc, pv.day, pv.article, 1);
  }
}

function onSearch(s: RollupStatements, ev: StoredEvent, day: string) {
  const query = ev.queryNorm ?? normalizeQuery(ev.query ?? '');
  const results = ev.results ?? 0;
  for (const loc of localesOf(ev.locale)) {
    s.site.searches.run(loc, day, 1);
    s.query.searches.run(loc, day, query, 1);
    if (results === 0) s.query.zero_results.run(loc, day, query, 1);
    else s.query.bounced.run(loc, day, query, 1); // until a click on it arrives
    if (s.querySessionInsert.run(query, loc, ev.sessionId, day, ev.ts).changes) s.query.sessions.run(loc, day, query, 1);
  }
}

interface SearchRow {
  id: number;
  ts: number;
  queryNorm: string | null;
  query: string | null;
  locale: string | null;
  results: number | null;
}

/** A click counts for the session's last search before it, once per search. */
function onSearchClick(s: RollupStatements, ev: StoredEvent, dayOf: (ts: number) => string) {
  const search = s.searchBefore.get(ev.sessionId, ev.ts, ev.ts, ev.id) as SearchRow | undefined;
  if (!search || !s.searchClick.run(search.id).changes) return;
  const query = search.queryNorm ?? normalizeQuery(search.query ?? '');
  const day = dayOf(search.ts);
  for (const loc of localesOf(search.locale)) {
    s.query.clicked.run(loc, day, query, 1);
    if ((search.results ?? 0) > 0) s.query.bounced.run(loc, day, query, -1);
  }
}

function onContact(s: RollupStatements, ev: StoredEvent, day: string) {
  for (const loc of localesOf(ev.locale)) {
    s.site.contacts.run(loc, day, 1);
    setSessionFlag(s, ev.sessionId, loc, 'contacted');
  }
  if (ev.attributedArticle) {
    const rows = s.articleSessionContact.all(ev.sessionId, ev.attributedArticle) as Array<{ locale: string; day: string }>;
    for (const r of rows) s.article.contacts_after_read.run(r.locale, r.day, ev.attributedArticle, 1);
  }
  const queries = s.querySessionContact.all(ev.sessionId, ev.ts) as Array<{ query: string; locale: string; day: string }>;
  for (const q of queries) s.query.contact_sessions.run(q.locale, q.day, q.query, 1);
}
