/**
 * Sessions resolved through the database (docs/scale-out.md): a batch locks its visitors (transaction-scoped
 * advisory locks, sorted so two batches never deadlock), reads their latest sessions with everything ingest needs to
 * settle the next event, and writes them back before it commits. A visitor whose requests alternate between nodes
 * therefore keeps one session: the second node waits for the first node's batch and then sees it.
 */
import { createHash } from 'node:crypto';
import type { OpenSession } from '../../tracking/sessions.ts';
import { SESSION_GAP_MS } from '../../tracking/sessions.ts';
import { texts } from '../arrays.ts';
import type { Sql } from '../client.ts';

/** The namespace of per-visitor advisory locks (the two-int4 key space, apart from db/pg/locks.ts's int8 keys). */
const VISITOR_LOCKS = 0x6b62;

/** A session as the batch knows it; `id` is 0 until the batch has taken ids for its new sessions. */
export interface PgOpenSession extends OpenSession {
  visitor: string;
  isNew: boolean;
}

const lockKey = (visitor: string) => createHash('sha1').update(visitor).digest().readInt32BE(0);

/**
 * Takes the visitors' locks for the rest of the transaction. Sent at once (execute()), so a read sent after it
 * runs after it: the caller pipelines both.
 */
export function lockVisitors(tx: Sql, visitors: Iterable<string>): Promise<unknown> {
  const keys = [...new Set([...visitors].map(lockKey))].sort((a, b) => a - b);
  return tx`SELECT pg_advisory_xact_lock(${VISITOR_LOCKS}, k) FROM (SELECT unnest(${tx.array(keys, 1007)}::int4[]) AS k ORDER BY 1) s`.execute();
}

interface SessionRow {
  id: number;
  visitor: string;
  startedAt: number;
  lastAt: number;
  lastViewArticle: string | null;
  lastViewTs: number | null;
  lastSearchId: number | null;
  lastSearchTs: number | null;
  lastSearchClicked: boolean;
}

/** Each visitor's latest session (open or not: the caller decides by the event's time). Sent at once, as lockVisitors. */
export function latestSessions(tx: Sql, visitors: readonly string[]): Promise<Map<string, PgOpenSession>> {
  // One index probe per visitor (newest session first): a plan PostgreSQL cannot turn into a scan of all sessions.
  const query = tx<SessionRow[]>`
    SELECT s.id, s.visitor, s.started_at AS "startedAt", s.last_at AS "lastAt",
      s.last_view_article AS "lastViewArticle", s.last_view_ts AS "lastViewTs",
      s.last_search_id AS "lastSearchId", s.last_search_ts AS "lastSearchTs", s.last_search_clicked AS "lastSearchClicked"
    FROM unnest(${texts(tx, visitors)}::text[]) AS v(visitor)
    CROSS JOIN LATERAL (SELECT * FROM sessions WHERE sessions.visitor = v.visitor ORDER BY last_at DESC, id DESC LIMIT 1) s`.execute();
  return query.then((rows) => new Map(
    rows.map((r) => [
      r.visitor,
      {
        id: r.id,
        visitor: r.visitor,
        isNew: false,
        startedAt: r.startedAt,
        lastAt: r.lastAt,
        lastView: r.lastViewArticle !== null && r.lastViewTs !== null ? { article: r.lastViewArticle, ts: r.lastViewTs } : null,
        lastSearch: r.lastSearchId !== null && r.lastSearchTs !== null ? { id: r.lastSearchId, ts: r.lastSearchTs, clicked: r.lastSearchClicked } : null,
      },
    ]),
  ));
}

/** The visitor's session for an event at `ts`: the latest one when the gap allows, else a new one (id taken later). */
export function continueOrStart(latest: Map<string, PgOpenSession>, visitor: string, ts: number): PgOpenSession {
  const s = latest.get(visitor);
  if (s && ts - s.lastAt <= SESSION_GAP_MS) {
    s.lastAt = Math.max(s.lastAt, ts);
    s.startedAt = Math.min(s.startedAt, ts);
    return s;
  }
  const fresh: PgOpenSession = { id: 0, visitor, isNew: true, startedAt: ts, lastAt: ts, lastView: null, lastSearch: null };
  latest.set(visitor, fresh);
  return fresh;
}

/** The sessions table's columns as the write statement reads them from JSON (sessionRows, in this order). */
export const SESSION_COLUMNS = [
  ['id', 'int8'], ['visitor', 'text'], ['started_at', 'int8'], ['last_at', 'int8'], ['last_view_article', 'text'], ['last_view_ts', 'int8'],
  ['last_search_id', 'int8'], ['last_search_ts', 'int8'], ['last_search_clicked', 'bool'],
] as const;

/** New and continued sessions as rows of SESSION_COLUMNS' values, for one upsert (db/pg/tracking/writer.ts). */
export const sessionRows = (sessions: readonly PgOpenSession[]) =>
  sessions.map((s) => [
    s.id,
    s.visitor,
    s.startedAt,
    s.lastAt,
    s.lastView?.article ?? null,
    s.lastView?.ts ?? null,
    s.lastSearch?.id ?? null,
    s.lastSearch?.ts ?? null,
    s.lastSearch?.clicked ?? false,
  ]);
