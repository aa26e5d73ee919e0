/** Page views per article in one locale over local days from..to, from the article_days rollup: what "popular" is ranked by. */
import type Database from 'better-sqlite3';
import type { Db } from '../sqlite/client.ts';
import type { ArticleViews } from '../shared/reports.ts';
import { settleRollups } from './rollups/catch-up.ts';

const statements = new WeakMap<Database.Database, Database.Statement>();

/** Settles the rollups first (cheap when nothing is pending), so a view stored a moment ago already counts. */
export function getArticleViews(db: Db, timeZone: string, locale: string, from: string, to: string): ArticleViews[] {
  settleRollups(db, timeZone);
  const client = db.$client;
  let stmt = statements.get(client);
  if (!stmt) {
    // The primary key (locale, day, article) serves the range; one row per article-day of the locale.
    stmt = client.prepare('SELECT article, sum(views) AS views FROM article_days WHERE locale = ? AND day BETWEEN ? AND ? GROUP BY article');
    statements.set(client, stmt);
  }
  return stmt.all(locale, from, to) as ArticleViews[];
}
