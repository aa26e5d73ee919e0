/** The prepared statements the rollups run, built once per database connection. */
import type Database from 'better-sqlite3';

type Stmt = Database.Statement;

const SITE = ['views', 'visitors', 'searches', 'contacts', 'sessions', 'found_answer', 'failed', 'contacted'] as const;
const ARTICLE = [
  'views', 'visitors', 'read_through', 'engaged_views', 'engaged_seconds',
  'helpful_yes', 'helpful_no', 'sessions', 'contacts_after_read',
] as const;
const QUERY = ['searches', 'zero_results', 'clicked', 'bounced', 'sessions', 'contact_sessions'] as const;

export type SiteCol = (typeof SITE)[number];
export type ArticleCol = (typeof ARTICLE)[number];
export type QueryCol = (typeof QUERY)[number];

function adders<C extends string>(db: Database.Database, table: string, keys: string[], cols: readonly C[]) {
  const out = {} as Record<C, Stmt>;
  const conflict = keys.join(', ');
  for (const col of cols) {
    out[col] = db.prepare(
      `INSERT INTO ${table} (${conflict}, ${col}) VALUES (${keys.map(() => '?').join(', ')}, ?)
       ON CONFLICT (${conflict}) DO UPDATE SET ${col} = ${col} + excluded.${col}`,
    );
  }
  return out;
}

function build(db: Database.Database) {
  return {
    site: adders(db, 'site_days', ['locale', 'day'], SITE),
    article: adders(db, 'article_days', ['locale', 'day', 'article'], ARTICLE),
    query: adders(db, 'query_days', ['locale', 'day', 'query'], QUERY),
    siteVisitor: db.prepare('INSERT OR IGNORE INTO site_day_visitors (locale, day, visitor) VALUES (?, ?, ?)'),
    articleVisitor: db.prepare(
      'INSERT OR IGNORE INTO article_day_visitors (article, locale, day, visitor) VALUES (?, ?, ?, ?)',
    ),
    sessionInsert: db.prepare('INSERT OR IGNORE INTO session_facts (session_id, locale, day) VALUES (?, ?, ?)'),
    sessionGet: db.prepare('SELECT day, viewed_article AS viewed, contacted FROM session_facts WHERE session_id = ? AND locale = ?'),
    sessionSet: db.prepare('UPDATE session_facts SET viewed_article = ?, contacted = ? WHERE session_id = ? AND locale = ?'),
    articleSessionInsert: db.prepare(
      'INSERT OR IGNORE INTO article_sessions (article, locale, session_id, day) VALUES (?, ?, ?, ?)',
    ),
    articleSessionContact: db.prepare(
      `UPDATE article_sessions SET contacted = 1 WHERE session_id = ? AND article = ? AND contacted = 0
       RETURNING locale, day`,
    ),
    pvInsert: db.prepare('INSERT OR IGNORE INTO page_views (pv, article, locale, day, session_id) VALUES (?, ?, ?, ?, ?)'),
    pvGet: db.prepare(
      'SELECT article, locale, day, max_seconds AS maxSeconds, max_scroll AS maxScroll, vote, vote_ts AS voteTs, vote_id AS voteId FROM page_views WHERE pv = ?',
    ),
    pvSetRead: db.prepare('UPDATE page_views SET max_seconds = ?, max_scroll = ? WHERE pv = ?'),
    pvSetVote: db.prepare('UPDATE page_views SET vote = ?, vote_ts = ?, vote_id = ? WHERE pv = ?'),
    comment: db.prepare(
      'INSERT OR IGNORE INTO article_comments (event_id, article, locale, day, ts, comment) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    querySessionInsert: db.prepare(
      'INSERT OR IGNORE INTO query_sessions (query, locale, session_id, day, first_ts) VALUES (?, ?, ?, ?, ?)',
    ),
    querySessionContact: db.prepare(
      `UPDATE query_sessions SET contacted = 1 WHERE session_id = ? AND contacted = 0 AND first_ts <= ?
       RETURNING query, locale, day`,
    ),
    searchBefore: db.prepare(
      `SELECT id, ts, query_norm AS queryNorm, query, locale, results FROM events
       WHERE session_id = ? AND type = 'search' AND (ts < ? OR (ts = ? AND id < ?))
       ORDER BY ts DESC, id DESC LIMIT 1`,
    ),
    searchClick: db.prepare('INSERT OR IGNORE INTO search_clicks (search_id) VALUES (?)'),
  };
}

export type RollupStatements = ReturnType<typeof build>;

const cache = new WeakMap<Database.Database, RollupStatements>();

/** The statements for a connection (prepared on first use). */
export function rollupStatements(db: Database.Database): RollupStatements {
  let s = cache.get(db);
  if (!s) {
    s = build(db);
    cache.set(db, s);
  }
  return s;
}
