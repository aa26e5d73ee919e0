/**
 * Sessions resolved through the database (docs/scale-out.md): a batch locks its visitors (transaction-scoped
 * advisory locks, sorted so two batches never deadlock), reads their latest sessions with everything ingest needs to
 * settle the next event, and writes them back before it commits. A visitor whose requests alternate between nodes
 * therefore keeps one session: the second node waits for the first node's batch and then sees it.
 */
import { createHash } from 'node:crypto';
import type { OpenSession } from '../../tracking/sessions.ts';
import { SESSION_GAP_MS } from '../../tracking/sessions.ts';
import { bools, int8s, texts } from '../arrays.ts';
import type { Sql } from '../client.ts';

/** The namespace of per-visitor advisory locks (the two-int4 key space, apart from db/pg/locks.ts's int8 keys). */
const VISITOR_LOCKS = 0x6b62;

/** A session as the batch knows it; `id` is 0 until the batch has taken ids for its new sessions. */
export interface PgOpenSession extends OpenSession {
  visitor: string;
  isNew: boolean;
}

const lockKey = (visitor: string) => createHash('sha1').update(visitor).digest().readInt32BE(0);

/** Takes the visitors' locks for the rest of the transaction. */
export async function lockVisitors(tx: Sql, visitors: Iterable<string>): Promise<void> {
  const keys = [...new Set([...visitors].map(lockKey))].sort((a, b) => a - b);
  await tx`SELECT pg_advisory_xact_lock(${VISITOR_LOCKS}, k) FROM (SELECT unnest(${tx.array(keys, 1007)}::int4[]) AS k ORDER BY 1) s`;
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

/** Each visitor's latest session (open or not: the caller decides by the event's time). */
export async function latestSessions(tx: Sql, visitors: readonly string[]): Promise<Map<string, PgOpenSession>> {
  // One index probe per visitor (newest session first): a plan PostgreSQL cannot turn into a scan of all sessions.
  const rows = await tx<SessionRow[]>`
    SELECT s.id, s.visitor, s.started_at AS "startedAt", s.last_at AS "lastAt",
      s.last_view_article AS "lastViewArticle", s.last_view_ts AS "lastViewTs",
      s.last_search_id AS "lastSearchId", s.last_search_ts AS "lastSearchTs", s.last_search_clicked AS "lastSearchClicked"
    FROM unnest(${texts(tx, visitors)}::text[]) AS v(visitor)
    CROSS JOIN LATERAL (SELECT * FROM sessions WHERE sessions.visitor = v.visitor ORDER BY last_at DESC, id DESC LIMIT 1) s`;
  return new Map(
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
  );
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

/** Writes new and continued sessions in one statement. */
export async function saveSessions(tx: Sql, sessions: readonly PgOpenSession[]): Promise<void> {
  if (sessions.length === 0) return;
  const col = <T>(f: (s: PgOpenSession) => T) => sessions.map(f);
  await tx`
    INSERT INTO sessions (id, visitor, started_at, last_at, last_view_article, last_view_ts, last_search_id, last_search_ts, last_search_clicked)
    SELECT * FROM unnest(${int8s(tx, col((s) => s.id))}::int8[], ${texts(tx, col((s) => s.visitor))}::text[],
      ${int8s(tx, col((s) => s.startedAt))}::int8[], ${int8s(tx, col((s) => s.lastAt))}::int8[],
      ${texts(tx, col((s) => s.lastView?.article ?? null))}::text[], ${int8s(tx, col((s) => s.lastView?.ts ?? null))}::int8[],
      ${int8s(tx, col((s) => s.lastSearch?.id ?? null))}::int8[], ${int8s(tx, col((s) => s.lastSearch?.ts ?? null))}::int8[],
      ${bools(tx, col((s) => s.lastSearch?.clicked ?? false))}::bool[])
    ON CONFLICT (id) DO UPDATE SET started_at = excluded.started_at, last_at = excluded.last_at,
      last_view_article = excluded.last_view_article, last_view_ts = excluded.last_view_ts, last_search_id = excluded.last_search_id,
      last_search_ts = excluded.last_search_ts, last_search_clicked = excluded.last_search_clicked`;
}
