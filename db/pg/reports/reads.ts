/**
 * What the reports read, on PostgreSQL: the rollup rows of a range, in the shapes the shared report code
 * (db/queries) aggregates. Aliases are quoted (PostgreSQL folds unquoted ones to lower case) and int8/numeric
 * arrive as numbers (db/pg/client.ts), so the rows equal SQLite's.
 */
import type { ArticleDayRow } from '../../reports/article-figures.ts';
import { TICKET_COLUMNS, type DimRow, type TicketColumn, type TicketDaySums } from '../../reports/ticket-reads.ts';
import type { ContactFormRows, QuerySearches, QuerySums, ReportReads, SiteDayRow, WindowSums } from '../../reports/report-reads.ts';
import { int8s, texts } from '../arrays.ts';
import type { PgDb } from '../client.ts';
import { settlePgRollups } from '../rollups/applier.ts';
import type { KnownVisitors } from '../rollups/known-visitors.ts';
import { ensurePgTicketRollups } from '../tickets/rollups.ts';

const QUERY_SUMS = `coalesce(sum(searches), 0) AS searches, coalesce(sum(zero_results), 0) AS "zeroResults", coalesce(sum(clicked), 0) AS clicked,
  coalesce(sum(bounced), 0) AS bounced, coalesce(sum(sessions), 0) AS sessions, coalesce(sum(contact_sessions), 0) AS "contactSessions"`;

/** The reads over one PostgreSQL database; `timeZone` is the database's (every node agrees on it). */
export function pgReportReads(db: PgDb, timeZone: string, known?: KnownVisitors): ReportReads {
  const sql = db.$client;
  const articleFilter = (article: string | undefined, n: number) => (article ? `AND article = $${n}` : '');
  return {
    settle: async () => void (await settlePgRollups(db, timeZone, undefined, known)),
    ensureTicketRollups: () => ensurePgTicketRollups(db, timeZone),

    siteDays: (locale: string, from: string, to: string) => sql<SiteDayRow[]>`
      SELECT day, views, visitors, searches, contacts, sessions, found_answer AS "foundAnswer", failed, contacted
      FROM site_days WHERE locale = ${locale} AND day BETWEEN ${from} AND ${to}`,

    articleDays: (locale: string, from: string, to: string, article?: string) =>
      sql.unsafe<ArticleDayRow[]>(
        `SELECT article, day, views, visitors, read_through AS "readThrough", engaged_views AS "engagedViews",
           engaged_seconds AS "engagedSeconds", helpful_yes AS "helpfulYes", helpful_no AS "helpfulNo",
           sessions, contacts_after_read AS "contactsAfterRead"
         FROM article_days WHERE locale = $1 AND day BETWEEN $2 AND $3 ${articleFilter(article, 4)}`,
        [locale, from, to, ...(article ? [article] : [])],
      ),

    readDays: async (locale: string, from: string, to: string, article?: string) => {
      const rows = await sql.unsafe<Array<{ day: string; article: string; histogram: Buffer }>>(
        `SELECT day, article, histogram FROM article_read_days WHERE locale = $1 AND day BETWEEN $2 AND $3 ${articleFilter(article, 4)}`,
        [locale, from, to, ...(article ? [article] : [])],
      );
      return rows.map((r) => [r.day, r.article, r.histogram] as [string, string, Buffer]);
    },

    comments: (locale: string, from: string, to: string, article?: string) => {
      const where = ['day BETWEEN $1 AND $2'];
      const args: string[] = [from, to];
      if (locale !== '*') (args.push(locale), where.push(`locale = $${args.length}`));
      if (article) (args.push(article), where.push(`article = $${args.length}`));
      return sql.unsafe<Array<{ article: string; day: string; locale: string; comment: string }>>(
        `SELECT article, day, locale, comment FROM article_comments WHERE ${where.join(' AND ')} ORDER BY ts DESC, event_id DESC`,
        args,
      );
    },

    /** One round trip for every before/after window of every edited article. */
    articleWindows: async (locale: string, windows: ReadonlyArray<{ article: string; from: string; to: string }>): Promise<WindowSums[]> => {
      if (windows.length === 0) return [];
      const rows = await sql<Array<WindowSums & { i: number }>>`
        SELECT w.i, coalesce(sum(a.sessions), 0) AS sessions, coalesce(sum(a.contacts_after_read), 0) AS contacts,
               coalesce(sum(a.helpful_yes), 0) AS yes, coalesce(sum(a.helpful_no), 0) AS no
        FROM unnest(${int8s(sql, windows.map((_, i) => i))}::int8[], ${texts(sql, windows.map((w) => w.article))}::text[],
                    ${texts(sql, windows.map((w) => w.from))}::text[], ${texts(sql, windows.map((w) => w.to))}::text[]) AS w(i, article, "from", "to")
        LEFT JOIN article_days a ON a.locale = ${locale} AND a.article = w.article AND a.day BETWEEN w."from" AND w."to"
        GROUP BY w.i ORDER BY w.i`;
      return rows.map(({ sessions, contacts, yes, no }) => ({ sessions, contacts, yes, no }));
    },

    queryDaysByDay: (locale: string, from: string, to: string) => sql.unsafe<Array<QuerySums & { day: string }>>(
      `SELECT day, ${QUERY_SUMS} FROM query_days WHERE locale = $1 AND day BETWEEN $2 AND $3 GROUP BY day`, [locale, from, to]),

    queryDaysByQuery: (locale: string, from: string, to: string) => sql.unsafe<Array<QuerySums & { query: string }>>(
      `SELECT query, ${QUERY_SUMS} FROM query_days WHERE locale = $1 AND day BETWEEN $2 AND $3 GROUP BY query`, [locale, from, to]),

    ticketDaySums: (lo: number, hi: number) => sql<TicketDaySums[]>`
      SELECT day, tickets, solved, replies_known AS "repliesKnown", replies_sum AS "repliesSum", fcr, reopened,
             csat_good AS "csatGood", csat_rated AS "csatRated", handle_sum AS "handleSum", handle_n AS "handleN", queued,
             wait_sum AS "waitSum", abandoned, fr_sum_ms AS "frSumMs", fr_n AS "frN", res_sum_ms AS "resSumMs", res_n AS "resN"
      FROM ticket_days WHERE day BETWEEN ${lo} AND ${hi} AND tickets != 0`,

    ticketDim: (dim: string, lo: number, hi: number) => sql<DimRow[]>`
      SELECT value, sum(tickets) AS tickets, sum(solved) AS solved, sum(solved_good) AS "solvedGood", sum(solved_rated) AS "solvedRated",
             sum(replies_known) AS "repliesKnown", sum(fcr) AS fcr
      FROM ticket_day_dims WHERE dim = ${dim} AND day BETWEEN ${lo} AND ${hi} GROUP BY value HAVING sum(tickets) != 0`,

    distinctRequesters: async (spans: ReadonlyArray<readonly [number, number]>): Promise<number[]> => {
      if (spans.length === 0) return [];
      const rows = await sql<Array<{ n: number }>>`
        SELECT (SELECT count(*) FROM ticket_day_requesters r
                WHERE r.day BETWEEN s.lo AND s.hi AND r.tickets > 0 AND (r.prev_day IS NULL OR r.prev_day < s.lo)) AS n
        FROM unnest(${int8s(sql, spans.map((s) => s[0]))}::int8[], ${int8s(sql, spans.map((s) => s[1]))}::int8[]) WITH ORDINALITY AS s(lo, hi, i)
        ORDER BY s.i`;
      return rows.map((r) => r.n);
    },

    /**
     * All asked columns in one query, each as one JSON array: ~100k rows cost far more in the protocol and in objects
     * than one value a column. The subquery reads tickets_created_durations in created_at order (an index-only scan:
     * it covers every column) and the aggregates keep that order.
     */
    ticketColumns: async (columns: readonly TicketColumn[], start: number, end: number): Promise<unknown[][]> => {
      const inner = columns.map((c, i) => `${TICKET_COLUMNS[c]} AS c${i}`).join(', ');
      const outer = columns.map((_, i) => `coalesce(json_agg(c${i}), '[]') AS c${i}`).join(', ');
      const [row] = await sql.unsafe<[Record<string, unknown[]>]>(
        `SELECT ${outer} FROM (SELECT ${inner} FROM tickets WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at) s`,
        [start, end],
      );
      return columns.map((_, i) => row[`c${i}`]!);
    },

    querySums: async (locale: string, query: string, from: string, to: string): Promise<QuerySums> => {
      const [row] = await sql.unsafe<QuerySums[]>(`SELECT ${QUERY_SUMS} FROM query_days WHERE locale = $1 AND query = $2 AND day BETWEEN $3 AND $4`, [
        locale, query, from, to,
      ]);
      return row!;
    },

    querySearches: async (query: string, start: number, end: number, locale?: string): Promise<QuerySearches> => {
      const loc = locale ? sql`AND locale = ${locale}` : sql``;
      const [resultCounts, locales] = await Promise.all([
        sql<QuerySearches['resultCounts']>`
          SELECT results, count(*) AS searches, max(ts) AS "lastAt" FROM events
          WHERE type = 'search' AND query_norm = ${query} AND ts >= ${start} AND ts < ${end} ${loc}
          GROUP BY results ORDER BY count(*) DESC, results`,
        sql<QuerySearches['locales']>`
          SELECT coalesce(locale, 'en') AS locale, count(*) AS searches FROM events
          WHERE type = 'search' AND query_norm = ${query} AND ts >= ${start} AND ts < ${end} ${loc}
          GROUP BY coalesce(locale, 'en') ORDER BY count(*) DESC, 1`,
      ]);
      return { resultCounts: [...resultCounts], locales: [...locales] };
    },

    contactForm: async (start: number, end: number, locale?: string): Promise<ContactFormRows> => {
      const loc = locale ? sql`AND locale = ${locale}` : sql``;
      const first = (type: string) => sql`
        SELECT session_id AS "sessionId", min(ts) AS first FROM events WHERE type = ${type} AND ts >= ${start} AND ts < ${end} ${loc} GROUP BY session_id`;
      const [shown, clicked, submitted] = await Promise.all([
        first('suggest_shown'),
        sql`SELECT c."sessionId", c.first, EXISTS (SELECT 1 FROM events e WHERE e.session_id = c."sessionId" AND e.type = 'contact'
              AND e.via = 'form' AND e.ts >= c.first) AS "submittedAfter"
            FROM (${first('suggest_click')}) c`,
        sql`SELECT ts FROM events WHERE type = 'contact' AND via = 'form' AND ts >= ${start} AND ts < ${end} ${loc}`,
      ]);
      return { shown, clicked, submitted } as unknown as ContactFormRows;
    },
  };
}
