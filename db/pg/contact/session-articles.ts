/** The articles a visitor viewed in the session open at a time, first view first (what a contact request carries). */
import type { PgDb } from '../client.ts';
import { SESSION_GAP_MS } from '../../tracking/sessions.ts';

export interface PgSessionArticles {
  sessionId: number | null;
  articles: string[];
}

export async function pgSessionArticles(db: PgDb, visitor: string, at: number, limit = 20): Promise<PgSessionArticles> {
  const sql = db.$client;
  const [session] = await sql<[{ id: number } | undefined]>`
    SELECT id FROM sessions WHERE visitor = ${visitor} AND last_at >= ${at - SESSION_GAP_MS} ORDER BY last_at DESC, id DESC LIMIT 1`;
  if (!session) return { sessionId: null, articles: [] };
  const rows = await sql<Array<{ article: string }>>`
    SELECT article FROM events WHERE session_id = ${session.id} AND type = 'view' AND article IS NOT NULL
    GROUP BY article ORDER BY min(ts), article LIMIT ${limit}`;
  return { sessionId: session.id, articles: rows.map((r) => r.article) };
}
