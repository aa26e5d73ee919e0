/**
 * The rollup statements of db/rollups/events.ts answered from memory: a chunk's touched rollup rows are read from
 * PostgreSQL in a few set-based queries (load), the shared rollup logic runs against them synchronously, and what
 * changed is written back with one upsert per table (save). Only one applier runs at a time (an advisory lock),
 * so nothing changes the rows between load and save.
 */
import type { RollupStatements, StoredEvent } from '../../reports/rollups/events.ts';
import type { ArticleCol, QueryCol, SiteCol } from '../../reports/rollups/rollup-statements.ts';
import { int8s, texts } from '../arrays.ts';
import { arrayRows, jsonRows } from '../json-rows.ts';
import { unprepared, type Sql } from '../client.ts';
import { upsertRows } from '../upsert.ts';
import type { KnownVisitors, VisitorMember } from './known-visitors.ts';

const SITE: readonly SiteCol[] = ['views', 'visitors', 'searches', 'contacts', 'sessions', 'found_answer', 'failed', 'contacted'];
const ARTICLE: readonly ArticleCol[] = [
  'views', 'visitors', 'read_through', 'engaged_views', 'engaged_seconds', 'helpful_yes', 'helpful_no', 'sessions', 'contacts_after_read',
];
const QUERY: readonly QueryCol[] = ['searches', 'zero_results', 'clicked', 'bounced', 'sessions', 'contact_sessions'];

const K = (...parts: Array<string | number>) => parts.join('\u0000');

/** Counter deltas per key of one table (the key's parts, then one delta per column). */
class Counters<C extends string> {
  readonly rows = new Map<string, { key: string[]; deltas: Record<C, number> }>();
  constructor(private readonly cols: readonly C[]) {}
  runner(col: C) {
    return {
      run: (...args: unknown[]) => {
        const n = args.pop() as number;
        const key = args.map(String);
        const id = K(...key);
        let row = this.rows.get(id);
        if (!row) this.rows.set(id, (row = { key, deltas: Object.fromEntries(this.cols.map((c) => [c, 0])) as Record<C, number> }));
        row.deltas[col] += n;
        return { changes: 1 };
      },
    };
  }
  group(): Record<C, ReturnType<Counters<C>['runner']>> {
    return Object.fromEntries(this.cols.map((c) => [c, this.runner(c)])) as Record<C, ReturnType<Counters<C>['runner']>>;
  }
  /** Rows whose deltas are not all zero, as [...key, ...deltas]. */
  changed(): unknown[][] {
    return [...this.rows.values()].filter((r) => this.cols.some((c) => r.deltas[c] !== 0)).map((r) => [...r.key, ...this.cols.map((c) => r.deltas[c])]);
  }
}

/**
 * An "insert if new" set whose rows the chunk already inserted at load (INSERT ... ON CONFLICT DO NOTHING
 * RETURNING: one statement says which keys are new): the logic's first run of a new key reports the insert.
 */
class KeySet {
  readonly fresh = new Set<string>();
  run = (...args: unknown[]) => {
    const key = K(...(args as string[]));
    return { changes: this.fresh.delete(key) ? 1 : 0 };
  };
}

/** An "insert if new" set over keys loaded from the table: what the chunk adds is written at save. */
class LoadedKeySet {
  readonly stored = new Set<string>();
  readonly added: string[][] = [];
  run = (...args: unknown[]) => {
    const key = K(...(args as string[]));
    if (this.stored.has(key)) return { changes: 0 };
    this.stored.add(key);
    this.added.push(args as string[]);
    return { changes: 1 };
  };
}

interface SessionFact {
  sessionId: number;
  locale: string;
  day: string;
  viewed: number;
  contacted: number;
  dirty: boolean;
}
interface ArticleSession {
  article: string;
  locale: string;
  sessionId: number;
  day: string;
  contacted: number;
  dirty: boolean;
}
interface QuerySession {
  query: string;
  locale: string;
  sessionId: number;
  day: string;
  firstTs: number;
  contacted: number;
  dirty: boolean;
}
interface PageView {
  pv: string;
  article: string;
  locale: string;
  day: string;
  sessionId: number;
  maxSeconds: number;
  maxScroll: number;
  vote: number | null;
  voteTs: number | null;
  voteId: number | null;
  dirty: boolean;
}
interface SearchRow {
  id: number;
  ts: number;
  sessionId: number;
  queryNorm: string | null;
  query: string | null;
  locale: string | null;
  results: number | null;
}

/**
 * The searches of the sessions in $1, one probe of events_session a session, whatever the statistics say: a lateral
 * subquery PostgreSQL can neither flatten into a join nor push the type condition into (OFFSET 0). Asked as
 * `type = 'search' AND session_id = ANY($1)`, PostgreSQL read every search in the table through events_type_ts
 * (with or without ANALYZE) for each chunk with clicks: 6-12 ms a chunk on a bench database of 100,000 events, growing
 * with the table, against 1-2 ms this way.
 */
export const SEARCHES_OF_SESSIONS = `
  SELECT id, ts, "sessionId", "queryNorm", query, locale, results
  FROM unnest($1::int8[]) AS k(session) CROSS JOIN LATERAL (
    SELECT id, ts, session_id AS "sessionId", query_norm AS "queryNorm", query, locale, results, type
    FROM events WHERE session_id = k.session OFFSET 0) e
  WHERE type = 'search'`;

const copy = <T extends object>(row: T | undefined): T | undefined => (row ? { ...row } : undefined);
const localesOf = (locale: string | null) => [locale ?? '', '*'];

export class MemoryRollups {
  readonly site = new Counters(SITE);
  readonly article = new Counters(ARTICLE);
  readonly query = new Counters(QUERY);
  readonly siteVisitors = new KeySet();
  readonly articleVisitors = new KeySet();
  readonly sessionFacts = new Map<string, SessionFact>();
  readonly articleSessions = new Map<number, ArticleSession[]>();
  readonly querySessions = new Map<number, QuerySession[]>();
  readonly pageViews = new Map<string, PageView>();
  readonly comments: unknown[][] = [];
  readonly searches = new Map<number, SearchRow[]>();
  readonly clickedSearches = new LoadedKeySet();
  /** The visitor-set members this chunk sent or skipped as known: all of them are in the tables once it commits. */
  readonly members: VisitorMember[] = [];

  /**
   * Reads every stored row the chunk's events can touch. `dayOf` is the rollups' local day. Visitor-set members in
   * `known` are not sent: they are in the tables already, so they are not new (known-visitors.ts).
   */
  async load(sql: Sql, rows: readonly StoredEvent[], dayOf: (ts: number) => string, known?: KnownVisitors): Promise<void> {
    const sessions = [...new Set(rows.map((r) => r.sessionId))];
    const pvs = [...new Set(rows.flatMap((r) => (r.pv ? [r.pv] : [])))];
    const siteKeys: Array<[locale: string, day: string, visitor: string]> = [];
    const articleKeys: Array<[article: string, locale: string, day: string, visitor: string]> = [];
    const seen = new Set<string>();
    // Each distinct member once: sent when not known, remembered for the cache either way.
    const member = (day: string, key: string) => {
      if (seen.has(key)) return false;
      seen.add(key);
      const m = { day, key };
      this.members.push(m);
      return !known?.has(m);
    };
    for (const r of rows) {
      const day = dayOf(r.ts);
      for (const locale of localesOf(r.locale)) {
        if (member(day, K('s', locale, day, r.visitor))) siteKeys.push([locale, day, r.visitor]);
        if (r.type === 'view' && r.article && member(day, K('a', r.article, locale, day, r.visitor))) {
          articleKeys.push([r.article, locale, day, r.visitor]);
        }
      }
    }
    const clickSessions = [...new Set(rows.filter((r) => r.type === 'search_click').map((r) => r.sessionId))];
    const ids = int8s(sql, sessions);
    const [facts, articleSessions, querySessions, pageViews, siteVisitors, articleVisitors, searches] = await Promise.all([
      unprepared<SessionFact[]>(sql, `SELECT session_id AS "sessionId", locale, day, viewed_article AS viewed, contacted
        FROM session_facts WHERE session_id = ANY($1::int8[])`, [ids]),
      unprepared<ArticleSession[]>(sql, `SELECT article, locale, session_id AS "sessionId", day, contacted
        FROM article_sessions WHERE session_id = ANY($1::int8[])`, [ids]),
      unprepared<QuerySession[]>(sql, `SELECT query, locale, session_id AS "sessionId", day, first_ts AS "firstTs", contacted
        FROM query_sessions WHERE session_id = ANY($1::int8[])`, [ids]),
      unprepared<PageView[]>(sql, `SELECT pv, article, locale, day, session_id AS "sessionId", max_seconds AS "maxSeconds", max_scroll AS "maxScroll",
        vote, vote_ts AS "voteTs", vote_id AS "voteId" FROM page_views WHERE pv = ANY($1::text[])`, [texts(sql, pvs)]),
      siteKeys.length === 0
        ? []
        : sql.unsafe<Array<{ locale: string; day: string; visitor: string }>>(
            `INSERT INTO site_day_visitors (locale, day, visitor) ${arrayRows('$1', [['locale', 'text'], ['day', 'text'], ['visitor', 'text']])}
            ON CONFLICT DO NOTHING RETURNING locale, day, visitor`,
            [jsonRows(siteKeys)] as never[],
            { prepare: true },
          ),
      articleKeys.length === 0
        ? []
        : sql.unsafe<Array<{ article: string; locale: string; day: string; visitor: string }>>(
            `INSERT INTO article_day_visitors (article, locale, day, visitor) ${arrayRows('$1', [['article', 'text'], ['locale', 'text'], ['day', 'text'], ['visitor', 'text']])}
            ON CONFLICT DO NOTHING RETURNING article, locale, day, visitor`,
            [jsonRows(articleKeys)] as never[],
            { prepare: true },
          ),
      clickSessions.length === 0
        ? []
        : unprepared<SearchRow[]>(sql, SEARCHES_OF_SESSIONS, [int8s(sql, clickSessions)]),
    ]);
    for (const f of facts) this.sessionFacts.set(K(f.sessionId, f.locale), { ...f, dirty: false });
    for (const a of articleSessions) this.listOf(this.articleSessions, a.sessionId).push({ ...a, dirty: false });
    for (const q of querySessions) this.listOf(this.querySessions, q.sessionId).push({ ...q, dirty: false });
    for (const p of pageViews) this.pageViews.set(p.pv, { ...p, dirty: false });
    for (const v of siteVisitors) this.siteVisitors.fresh.add(K(v.locale, v.day, v.visitor));
    for (const v of articleVisitors) this.articleVisitors.fresh.add(K(v.article, v.locale, v.day, v.visitor));
    for (const s of searches) this.listOf(this.searches, s.sessionId).push(s);
    const searchIds = searches.map((s) => s.id);
    if (searchIds.length > 0) {
      const clicked = await unprepared<{ id: number }[]>(sql, 'SELECT search_id AS id FROM search_clicks WHERE search_id = ANY($1::int8[])', [int8s(sql, searchIds)]);
      for (const c of clicked) this.clickedSearches.stored.add(String(c.id));
    }
  }

  private listOf<T>(m: Map<number, T[]>, id: number): T[] {
    return m.get(id) ?? (m.set(id, []), m.get(id)!);
  }

  /** The statements events.ts runs, over the loaded rows. */
  statements(): RollupStatements {
    return {
      site: this.site.group(),
      article: this.article.group(),
      query: this.query.group(),
      siteVisitor: { run: this.siteVisitors.run },
      articleVisitor: { run: this.articleVisitors.run },
      sessionInsert: {
        run: (sessionId, locale, day) => {
          const id = K(sessionId as number, locale as string);
          if (this.sessionFacts.has(id)) return { changes: 0 };
          this.sessionFacts.set(id, { sessionId: sessionId as number, locale: locale as string, day: day as string, viewed: 0, contacted: 0, dirty: true });
          return { changes: 1 };
        },
      },
      // Copies, as a SELECT would give: the logic reads the row again after changing it.
      sessionGet: { get: (sessionId, locale) => copy(this.sessionFacts.get(K(sessionId as number, locale as string))) },
      sessionSet: {
        run: (viewed, contacted, sessionId, locale) => {
          const f = this.sessionFacts.get(K(sessionId as number, locale as string))!;
          Object.assign(f, { viewed, contacted, dirty: true });
          return { changes: 1 };
        },
      },
      articleSessionInsert: {
        run: (article, locale, sessionId, day) => {
          const list = this.listOf(this.articleSessions, sessionId as number);
          if (list.some((a) => a.article === article && a.locale === locale)) return { changes: 0 };
          list.push({ article: article as string, locale: locale as string, sessionId: sessionId as number, day: day as string, contacted: 0, dirty: true });
          return { changes: 1 };
        },
      },
      articleSessionContact: {
        all: (sessionId, article) =>
          (this.articleSessions.get(sessionId as number) ?? [])
            .filter((a) => a.article === article && a.contacted === 0)
            .map((a) => (Object.assign(a, { contacted: 1, dirty: true }), { locale: a.locale, day: a.day })),
      },
      pvInsert: {
        run: (pv, article, locale, day, sessionId) => {
          if (this.pageViews.has(pv as string)) return { changes: 0 };
          this.pageViews.set(pv as string, {
            pv: pv as string, article: article as string, locale: locale as string, day: day as string, sessionId: sessionId as number,
            maxSeconds: 0, maxScroll: 0, vote: null, voteTs: null, voteId: null, dirty: true,
          });
          return { changes: 1 };
        },
      },
      pvGet: { get: (pv) => copy(this.pageViews.get(pv as string)) },
      pvSetRead: {
        run: (seconds, scroll, pv) => {
          Object.assign(this.pageViews.get(pv as string)!, { maxSeconds: seconds, maxScroll: scroll, dirty: true });
          return { changes: 1 };
        },
      },
      pvSetVote: {
        run: (vote, ts, id, pv) => {
          Object.assign(this.pageViews.get(pv as string)!, { vote, voteTs: ts, voteId: id, dirty: true });
          return { changes: 1 };
        },
      },
      comment: { run: (...args) => (this.comments.push(args), { changes: 1 }) },
      querySessionInsert: {
        run: (query, locale, sessionId, day, firstTs) => {
          const list = this.listOf(this.querySessions, sessionId as number);
          if (list.some((q) => q.query === query && q.locale === locale)) return { changes: 0 };
          list.push({ query: query as string, locale: locale as string, sessionId: sessionId as number, day: day as string, firstTs: firstTs as number, contacted: 0, dirty: true });
          return { changes: 1 };
        },
      },
      querySessionContact: {
        all: (sessionId, ts) =>
          (this.querySessions.get(sessionId as number) ?? [])
            .filter((q) => q.contacted === 0 && q.firstTs <= (ts as number))
            .map((q) => (Object.assign(q, { contacted: 1, dirty: true }), { query: q.query, locale: q.locale, day: q.day })),
      },
      searchBefore: {
        get: (sessionId, ts, _ts, id) => {
          let best: SearchRow | undefined;
          for (const s of this.searches.get(sessionId as number) ?? []) {
            if (!(s.ts < (ts as number) || (s.ts === ts && s.id < (id as number)))) continue;
            if (!best || s.ts > best.ts || (s.ts === best.ts && s.id > best.id)) best = s;
          }
          return best;
        },
      },
      searchClick: { run: (searchId) => this.clickedSearches.run(String(searchId)) },
    };
  }

  /** Writes everything the chunk changed. */
  async save(sql: Sql): Promise<void> {
    const dirty = <T extends { dirty: boolean }>(xs: Iterable<T>) => [...xs].filter((x) => x.dirty);
    await Promise.all([
      upsertRows(sql, { table: 'site_days', columns: [['locale', 'text'], ['day', 'text'], ...SITE.map((c) => [c, 'int8'] as const)], key: ['locale', 'day'], onConflict: { add: SITE } }, this.site.changed()),
      upsertRows(sql, { table: 'article_days', columns: [['locale', 'text'], ['day', 'text'], ['article', 'text'], ...ARTICLE.map((c) => [c, 'int8'] as const)], key: ['locale', 'day', 'article'], onConflict: { add: ARTICLE } }, this.article.changed()),
      upsertRows(sql, { table: 'query_days', columns: [['locale', 'text'], ['day', 'text'], ['query', 'text'], ...QUERY.map((c) => [c, 'int8'] as const)], key: ['locale', 'day', 'query'], onConflict: { add: QUERY } }, this.query.changed()),
      upsertRows(
        sql,
        { table: 'session_facts', columns: [['session_id', 'int8'], ['locale', 'text'], ['day', 'text'], ['viewed_article', 'int8'], ['contacted', 'int8']], key: ['session_id', 'locale'], onConflict: { set: ['viewed_article', 'contacted'] } },
        dirty(this.sessionFacts.values()).map((f) => [f.sessionId, f.locale, f.day, f.viewed, f.contacted]),
      ),
      upsertRows(
        sql,
        { table: 'article_sessions', columns: [['article', 'text'], ['locale', 'text'], ['session_id', 'int8'], ['day', 'text'], ['contacted', 'int8']], key: ['session_id', 'article', 'locale'], onConflict: { set: ['contacted'] } },
        dirty([...this.articleSessions.values()].flat()).map((a) => [a.article, a.locale, a.sessionId, a.day, a.contacted]),
      ),
      upsertRows(
        sql,
        { table: 'query_sessions', columns: [['query', 'text'], ['locale', 'text'], ['session_id', 'int8'], ['day', 'text'], ['first_ts', 'int8'], ['contacted', 'int8']], key: ['session_id', 'query', 'locale'], onConflict: { set: ['contacted'] } },
        dirty([...this.querySessions.values()].flat()).map((q) => [q.query, q.locale, q.sessionId, q.day, q.firstTs, q.contacted]),
      ),
      upsertRows(
        sql,
        {
          table: 'page_views',
          columns: [['pv', 'text'], ['article', 'text'], ['locale', 'text'], ['day', 'text'], ['session_id', 'int8'], ['max_seconds', 'int8'], ['max_scroll', 'int8'], ['vote', 'int8'], ['vote_ts', 'int8'], ['vote_id', 'int8']],
          key: ['pv'],
          onConflict: { set: ['max_seconds', 'max_scroll', 'vote', 'vote_ts', 'vote_id'] },
        },
        dirty(this.pageViews.values()).map((p) => [p.pv, p.article, p.locale, p.day, p.sessionId, p.maxSeconds, p.maxScroll, p.vote, p.voteTs, p.voteId]),
      ),
      upsertRows(
        sql,
        { table: 'article_comments', columns: [['event_id', 'int8'], ['article', 'text'], ['locale', 'text'], ['day', 'text'], ['ts', 'int8'], ['comment', 'text']], key: ['event_id'], onConflict: { nothing: true } },
        this.comments,
      ),
      upsertRows(sql, { table: 'search_clicks', columns: [['search_id', 'int8']], key: ['search_id'], onConflict: { nothing: true } }, this.clickedSearches.added.map(([id]) => [Number(id)])),
    ]);
  }
}
