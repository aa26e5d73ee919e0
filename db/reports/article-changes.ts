/** Before/after figures around each edit of an article (SPEC 7.1 `changes`). */
import type Database from 'better-sqlite3';
import type { ArticleChange } from '../shared/reports.ts';
import { addDays } from './periods.ts';
import { rate, significantChange } from './stats.ts';

export const CHANGE_WINDOW_DAYS = 28;

const WINDOW_SQL = `SELECT coalesce(sum(sessions), 0) AS sessions, coalesce(sum(contacts_after_read), 0) AS contacts,
         coalesce(sum(helpful_yes), 0) AS yes, coalesce(sum(helpful_no), 0) AS no
  FROM article_days WHERE locale = ? AND article = ? AND day BETWEEN ? AND ?`;

// Prepared once per connection: a report runs it twice per edit of every article.
const prepared = new WeakMap<Database.Database, Database.Statement>();
const windowStatement = (db: Database.Database) => prepared.get(db) ?? (prepared.set(db, db.prepare(WINDOW_SQL)), prepared.get(db)!);

interface WindowSums {
  sessions: number;
  contacts: number;
  yes: number;
  no: number;
}

function windowSums(db: Database.Database, locale: string, article: string, from: string, to: string): WindowSums {
  return windowStatement(db).get(locale, article, from, to) as WindowSums;
}

const figures = (r: WindowSums) => ({
  contactRate: rate(r.contacts, r.sessions),
  helpfulRate: rate(r.yes, r.yes + r.no),
  sessions: r.sessions,
  votes: r.yes + r.no,
});

/**
 * For an edit on day D: D-28..D-1 against D+1..D+28 (the edit day itself mixes both versions). Newest first.
 * `significant`: did the contact rate change at 95% (two-proportion z-test), null under 20 sessions on either
 * side; `helpfulSignificant` the same for the helpful rate over votes.
 */
export function articleChanges(db: Database.Database, locale: string, article: string, edits: readonly string[]): ArticleChange[] {
  return [...edits].reverse().map((date) => {
    const before = windowSums(db, locale, article, addDays(date, -CHANGE_WINDOW_DAYS), addDays(date, -1));
    const after = windowSums(db, locale, article, addDays(date, 1), addDays(date, CHANGE_WINDOW_DAYS));
    return {
      date,
      before: figures(before),
      after: figures(after),
      significant: significantChange(before.contacts, before.sessions, after.contacts, after.sessions),
      helpfulSignificant: significantChange(before.yes, before.yes + before.no, after.yes, after.yes + after.no),
    };
  });
}
