/** Server-side sessions (SPEC 5.3): a visitor's events with no gap over 30 minutes, cached while open. */
import type { IngestStatements } from './ingest-statements.ts';

/** Longest quiet gap inside one session. */
export const SESSION_GAP_MS = 30 * 60_000;

/** What ingest needs to know about an open session to settle the next event. */
export interface OpenSession {
  id: number;
  startedAt: number;
  lastAt: number;
  /** The last article viewed, for contact attribution. */
  lastView: { article: string; ts: number } | null;
  /** The latest search, which a following search_click marks as clicked. */
  lastSearch: { id: number; ts: number; clicked: boolean } | null;
}

export interface SessionBook {
  /** The visitor's session for an event at `ts`, continuing the open one or starting a new one. */
  sessionFor(visitor: string, ts: number): OpenSession;
  /** Writes the new bounds of sessions touched in this batch. Call inside the batch's transaction. */
  persistTouched(): void;
  /** Forgets sessions that closed before `now` (the database still has them). */
  sweep(now: number): void;
  /** Forgets everything after a failed transaction; the database is read again as needed. */
  reset(): void;
}

/** The cache is only a shortcut: a visitor not in it is looked up in the database, so a restart loses nothing. */
export function createSessionBook(stmts: IngestStatements): SessionBook {
  const open = new Map<string, OpenSession>();
  const touched = new Set<OpenSession>();
  // Sessions written before this writer opened end at `horizon` at the latest; an event more than 30 minutes
  // past it cannot continue any of them, so the database need not be asked (after 30 minutes of uptime, never).
  const readHorizon = () => stmts.lastSessionEnd.get()?.lastAt ?? -Infinity;
  let horizon = readHorizon();

  function load(visitor: string, ts: number): OpenSession | undefined {
    if (ts - horizon > SESSION_GAP_MS) return undefined;
    const row = stmts.latestSession.get(visitor);
    if (!row || ts - row.lastAt > SESSION_GAP_MS) return undefined;
    return {
      ...row,
      lastView: stmts.lastArticleView.get(row.id) ?? null,
      lastSearch: loadSearch(row.id),
    };
  }

  function loadSearch(sessionId: number): OpenSession['lastSearch'] {
    const row = stmts.lastSearch.get(sessionId);
    return row ? { id: row.id, ts: row.ts, clicked: row.clicked === 1 } : null;
  }

  return {
    sessionFor(visitor, ts) {
      let session = open.get(visitor) ?? load(visitor, ts);
      if (session && ts - session.lastAt <= SESSION_GAP_MS) {
        session.lastAt = Math.max(session.lastAt, ts);
        session.startedAt = Math.min(session.startedAt, ts);
        touched.add(session);
      } else {
        const id = Number(stmts.insertSession.run(visitor, ts, ts).lastInsertRowid);
        session = { id, startedAt: ts, lastAt: ts, lastView: null, lastSearch: null };
      }
      open.set(visitor, session);
      return session;
    },
    persistTouched() {
      for (const s of touched) stmts.touchSession.run(s.startedAt, s.lastAt, s.id);
      touched.clear();
    },
    sweep(now) {
      for (const [visitor, s] of open) if (now - s.lastAt > SESSION_GAP_MS) open.delete(visitor);
    },
    reset() {
      open.clear();
      touched.clear();
      horizon = readHorizon();
    },
  };
}
