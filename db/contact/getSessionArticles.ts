/** The articles a visitor viewed in their current session (the one still open at a time), first view first. */
import { and, asc, desc, eq, gte, isNotNull, min } from 'drizzle-orm';
import type { Db } from '../sqlite/client.ts';
import { events, sessions } from '../schema/index.ts';

/** A session ends after this long without events (SPEC 5.3). */
const SESSION_GAP_MS = 30 * 60_000;

export interface SessionArticles {
  sessionId: number | null;
  articles: string[];
}

export function getSessionArticles(db: Db, visitor: string, at: number, limit = 20): SessionArticles {
  const session = db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.visitor, visitor), gte(sessions.lastAt, at - SESSION_GAP_MS)))
    .orderBy(desc(sessions.lastAt))
    .limit(1)
    .get();
  if (!session) return { sessionId: null, articles: [] };
  const rows = db
    .select({ article: events.article, first: min(events.ts) })
    .from(events)
    .where(and(eq(events.sessionId, session.id), eq(events.type, 'view'), isNotNull(events.article)))
    .groupBy(events.article)
    .orderBy(asc(min(events.ts)))
    .limit(limit)
    .all();
  return { sessionId: session.id, articles: rows.map((r) => r.article!) };
}
