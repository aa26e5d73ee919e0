/** The prepared statements the ingest writer reuses for every batch (prepared once, run many times). */
import type { Database } from 'better-sqlite3';

/** An events row as bound to the insert statement (booleans as 0/1). */
export interface EventParams {
  ts: number;
  type: string;
  visitor: string;
  sessionId: number;
  pv: string | null;
  path: string | null;
  article: string | null;
  locale: string | null;
  seconds: number | null;
  scroll: number | null;
  helpful: 0 | 1 | null;
  query: string | null;
  queryNorm: string | null;
  results: number | null;
  position: number | null;
  comment: string | null;
  referrerHost: string | null;
  via: string | null;
  attributedArticle: string | null;
  clicked: 0 | 1;
}

/** The insert's parameters in column order (positional binding is cheaper than named). */
type EventValues = Array<string | number | null>;

/** Binds an events row to insertEvent's placeholders. */
export function eventValues(p: EventParams): EventValues {
  return [p.ts, p.type, p.visitor, p.sessionId, p.pv, p.path, p.article, p.locale, p.seconds, p.scroll, p.helpful,
    p.query, p.queryNorm, p.results, p.position, p.comment, p.referrerHost, p.via, p.attributedArticle, p.clicked];
}

export interface SessionRow {
  id: number;
  startedAt: number;
  lastAt: number;
}

/** Prepares every statement once per database connection. */
export function prepareIngestStatements(sqlite: Database) {
  return {
    insertEvent: sqlite.prepare<EventValues>(
      `INSERT INTO events (ts, type, visitor, session_id, pv, path, article, locale, seconds, scroll, helpful,
         query, query_norm, results, position, comment, referrer_host, via, attributed_article, clicked)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    markClicked: sqlite.prepare<[number]>('UPDATE events SET clicked = 1 WHERE id = ?'),
    insertSession: sqlite.prepare<[string, number, number]>(
      'INSERT INTO sessions (visitor, started_at, last_at) VALUES (?, ?, ?)',
    ),
    touchSession: sqlite.prepare<[number, number, number]>(
      'UPDATE sessions SET started_at = min(started_at, ?), last_at = max(last_at, ?) WHERE id = ?',
    ),
    latestSession: sqlite.prepare<[string], SessionRow>(
      `SELECT id, started_at AS startedAt, last_at AS lastAt FROM sessions
       WHERE visitor = ? ORDER BY last_at DESC LIMIT 1`,
    ),
    lastSessionEnd: sqlite.prepare<[], { lastAt: number | null }>('SELECT max(last_at) AS lastAt FROM sessions'),
    lastArticleView: sqlite.prepare<[number], { article: string; ts: number }>(
      `SELECT article, ts FROM events WHERE session_id = ? AND type = 'view' AND article IS NOT NULL
       ORDER BY ts DESC, id DESC LIMIT 1`,
    ),
    lastSearch: sqlite.prepare<[number], { id: number; ts: number; clicked: number }>(
      `SELECT id, ts, clicked FROM events WHERE session_id = ? AND type = 'search' ORDER BY ts DESC, id DESC LIMIT 1`,
    ),
    allSalts: sqlite.prepare<[], { day: string; salt: string }>('SELECT day, salt FROM salts'),
    insertSalt: sqlite.prepare<[string, string]>('INSERT OR REPLACE INTO salts (day, salt) VALUES (?, ?)'),
    deleteSaltsBefore: sqlite.prepare<[string]>('DELETE FROM salts WHERE day < ?'),
  };
}

export type IngestStatements = ReturnType<typeof prepareIngestStatements>;
