/**
 * What the reports read from storage, one method per question, so one set of report code (db/reports/get*.ts)
 * serves every adapter: SQLite answers here with its prepared statements, PostgreSQL in db/pg/reports/reads.ts.
 * Every method returns a promise (PostgreSQL is a network away); rows come as plain numbers and strings.
 */
import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import type { Db } from '../sqlite/client.ts';
import type { ArticleDayRow } from './article-figures.ts';
import { settleRollups } from './rollups/catch-up.ts';
import { ensureTicketRollups } from './rollups/tickets.ts';
import type { DimRow, TicketDaySums } from './ticket-reads.ts';
import { distinctRequesters, ticketColumn, ticketDaySums, ticketDim, type TicketColumn } from './ticket-reads.ts';

export interface SiteDayRow {
  day: string;
  views: number;
  visitors: number;
  searches: number;
  contacts: number;
  sessions: number;
  foundAnswer: number;
  failed: number;
  contacted: number;
}

export interface QuerySums {
  searches: number;
  zeroResults: number;
  clicked: number;
  bounced: number;
  sessions: number;
  contactSessions: number;
}

/** Sums of article_days over a window of days (an edit's before or after). */
export interface WindowSums {
  sessions: number;
  contacts: number;
  yes: number;
  no: number;
}

export interface CommentRow {
  article: string;
  day: string;
  locale: string;
  comment: string;
}

export interface ContactFormRows {
  /** First suggest_shown per session in the range. */
  shown: Array<{ first: number }>;
  /** First suggest_click per session, and whether a form was submitted at or after it. */
  clicked: Array<{ sessionId: number; first: number; submittedAfter: boolean | number }>;
  /** contact events with via form. */
  submitted: Array<{ ts: number }>;
}

export interface ReportReads {
  /** Brings the event rollups up to date: every event acknowledged before the call is counted. */
  settle(timeZone: string): Promise<void>;
  /** Builds the ticket rollups in `timeZone` when they are not. */
  ensureTicketRollups(timeZone: string): Promise<void>;
  siteDays(locale: string, from: string, to: string): Promise<SiteDayRow[]>;
  articleDays(locale: string, from: string, to: string, article?: string): Promise<ArticleDayRow[]>;
  /** [day, article, packed read-time histogram] per article and day. */
  readDays(locale: string, from: string, to: string, article?: string): Promise<Array<[string, string, Uint8Array]>>;
  /** "What was missing" comments, newest first; locale '*' for all. */
  comments(locale: string, from: string, to: string, article?: string): Promise<CommentRow[]>;
  /** Sums per window, in the order asked. */
  articleWindows(locale: string, windows: ReadonlyArray<{ article: string; from: string; to: string }>): Promise<WindowSums[]>;
  queryDaysByDay(locale: string, from: string, to: string): Promise<Array<QuerySums & { day: string }>>;
  queryDaysByQuery(locale: string, from: string, to: string): Promise<Array<QuerySums & { query: string }>>;
  ticketDaySums(lo: number, hi: number): Promise<TicketDaySums[]>;
  ticketDim(dim: string, lo: number, hi: number): Promise<DimRow[]>;
  /** Distinct requesters with tickets in each span of local day numbers. */
  distinctRequesters(spans: ReadonlyArray<readonly [number, number]>): Promise<number[]>;
  /**
   * Per asked column, one value per ticket created in [start, end), every column in the same order (created_at,
   * then a fixed tie-break), so entry i of each is the same ticket (TICKET_COLUMNS in ticket-reads.ts).
   */
  ticketColumns(columns: readonly TicketColumn[], start: number, end: number): Promise<unknown[][]>;
  contactForm(start: number, end: number, locale?: string): Promise<ContactFormRows>;
  /** One normalised query's sums over local days from..to (locale '*' for all). */
  querySums(locale: string, query: string, from: string, to: string): Promise<QuerySums>;
  /** Its `search` events in [start, end): searches per result count shown (with the last time), and per page locale. */
  querySearches(query: string, start: number, end: number, locale?: string): Promise<QuerySearches>;
}

/** What one query's searches showed (db/reports/getQueryDetail.ts). */
export interface QuerySearches {
  resultCounts: Array<{ results: number; searches: number; lastAt: number }>;
  locales: Array<{ locale: string; searches: number }>;
}

const QUERY_SUMS = `sum(searches) AS searches, sum(zero_results) AS zeroResults, sum(clicked) AS clicked,
  sum(bounced) AS bounced, sum(sessions) AS sessions, sum(contact_sessions) AS contactSessions`;

// Statements a report runs many times are prepared once per connection.
const windows = new WeakMap<Database.Database, Database.Statement>();
const windowStatement = (db: Database.Database) =>
  windows.get(db) ??
  (windows.set(
    db,
    db.prepare(`SELECT coalesce(sum(sessions), 0) AS sessions, coalesce(sum(contacts_after_read), 0) AS contacts,
       coalesce(sum(helpful_yes), 0) AS yes, coalesce(sum(helpful_no), 0) AS no
       FROM article_days WHERE locale = ? AND article = ? AND day BETWEEN ? AND ?`),
  ),
  windows.get(db)!);

/** The reads over one SQLite database (synchronous inside; nothing waits between them). */
export function sqliteReportReads(db: Db): ReportReads {
  const client = db.$client;
  const articleArgs = (locale: string, from: string, to: string, article?: string) => [locale, from, to, ...(article ? [article] : [])];
  return {
    settle: async (timeZone) => void settleRollups(db, timeZone),
    ensureTicketRollups: async (timeZone) => ensureTicketRollups(db, timeZone),
    siteDays: async (locale, from, to) =>
      client
        .prepare(
          `SELECT day, views, visitors, searches, contacts, sessions, found_answer AS foundAnswer, failed, contacted
           FROM site_days WHERE locale = ? AND day BETWEEN ? AND ?`,
        )
        .all(locale, from, to) as SiteDayRow[],
    articleDays: async (locale, from, to, article) =>
      client
        .prepare(
          `SELECT article, day, views, visitors, read_through AS readThrough, engaged_views AS engagedViews,
                  engaged_seconds AS engagedSeconds, helpful_yes AS helpfulYes, helpful_no AS helpfulNo,
                  sessions, contacts_after_read AS contactsAfterRead
           FROM article_days WHERE locale = ? AND day BETWEEN ? AND ? ${article ? 'AND article = ?' : ''}`,
        )
        .all(...articleArgs(locale, from, to, article)) as ArticleDayRow[],
    readDays: async (locale, from, to, article) =>
      client
        .prepare(`SELECT day, article, histogram FROM article_read_days WHERE locale = ? AND day BETWEEN ? AND ? ${article ? 'AND article = ?' : ''}`)
        .raw()
        .all(...articleArgs(locale, from, to, article)) as Array<[string, string, Buffer]>,
    async comments(locale, from, to, article) {
      const where = ['day BETWEEN ? AND ?'];
      const args: string[] = [from, to];
      if (locale !== '*') (where.push('locale = ?'), args.push(locale));
      if (article) (where.push('article = ?'), args.push(article));
      return client
        .prepare(`SELECT article, day, locale, comment FROM article_comments WHERE ${where.join(' AND ')} ORDER BY ts DESC, event_id DESC`)
        .all(...args) as CommentRow[];
    },
    articleWindows: async (locale, list) => list.map((w) => windowStatement(client).get(locale, w.article, w.from, w.to) as WindowSums),
    queryDaysByDay: async (locale, from, to) =>
      client.prepare(`SELECT day, ${QUERY_SUMS} FROM query_days WHERE locale = ? AND day BETWEEN ? AND ? GROUP BY day`).all(locale, from, to) as Array<
        QuerySums & { day: string }
      >,
    queryDaysByQuery: async (locale, from, to) =>
      client.prepare(`SELECT query, ${QUERY_SUMS} FROM query_days WHERE locale = ? AND day BETWEEN ? AND ? GROUP BY query`).all(locale, from, to) as Array<
        QuerySums & { query: string }
      >,
    ticketDaySums: async (lo, hi) => ticketDaySums(client, lo, hi),
    ticketDim: async (dim, lo, hi) => ticketDim(client, dim, lo, hi),
    distinctRequesters: async (spans) => distinctRequesters(client, spans),
    // One plucked column per query: better-sqlite3 hands back a value several times faster than a row.
    ticketColumns: async (columns, start, end) => columns.map((c) => ticketColumn(client, c, start, end)),
    querySums: async (locale, query, from, to) =>
      client
        .prepare(
          `SELECT coalesce(sum(searches), 0) AS "searches", coalesce(sum(zero_results), 0) AS "zeroResults", coalesce(sum(clicked), 0) AS "clicked",
                  coalesce(sum(bounced), 0) AS "bounced", coalesce(sum(sessions), 0) AS "sessions", coalesce(sum(contact_sessions), 0) AS "contactSessions"
           FROM query_days WHERE locale = ? AND query = ? AND day BETWEEN ? AND ?`,
        )
        .get(locale, query, from, to) as QuerySums,
    async querySearches(query, start, end, locale) {
      const inLocale = locale ? 'AND locale = ?' : '';
      const args = [query, start, end, ...(locale ? [locale] : [])];
      return {
        resultCounts: client
          .prepare(
            `SELECT results AS "results", count(*) AS "searches", max(ts) AS "lastAt" FROM events
             WHERE type = 'search' AND query_norm = ? AND ts >= ? AND ts < ? ${inLocale} GROUP BY results ORDER BY count(*) DESC, results`,
          )
          .all(...args) as QuerySearches['resultCounts'],
        locales: client
          .prepare(
            `SELECT coalesce(locale, 'en') AS "locale", count(*) AS "searches" FROM events
             WHERE type = 'search' AND query_norm = ? AND ts >= ? AND ts < ? ${inLocale} GROUP BY coalesce(locale, 'en') ORDER BY count(*) DESC, 1`,
          )
          .all(...args) as QuerySearches['locales'],
      };
    },
    async contactForm(start, end, locale) {
      const loc = locale ? sql`and locale = ${locale}` : sql``;
      const firstPerSession = (type: 'suggest_shown' | 'suggest_click') => sql`
        select session_id as sessionId, min(ts) as first from events
        where type = ${type} and ts >= ${start} and ts < ${end} ${loc} group by session_id`;
      return {
        shown: db.all<{ first: number }>(firstPerSession('suggest_shown')),
        clicked: db.all<{ sessionId: number; first: number; submittedAfter: number }>(sql`
          select c.sessionId, c.first, exists (
            select 1 from events e
            where e.session_id = c.sessionId and e.type = 'contact' and e.via = 'form' and e.ts >= c.first
          ) as submittedAfter
          from (${firstPerSession('suggest_click')}) c`),
        submitted: db.all<{ ts: number }>(sql`select ts from events where type = 'contact' and via = 'form' and ts >= ${start} and ts < ${end} ${loc}`),
      };
    },
  };
}
