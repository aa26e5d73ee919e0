/** listImports(): the most recent finished ticket imports, newest first, for the dashboard's import page. */
import { desc } from 'drizzle-orm';
import type { Db } from '../sqlite/client.ts';
import { imports } from '../schema/index.ts';

export type ImportRecord = typeof imports.$inferSelect;

export function listImports(db: Db, limit = 20): ImportRecord[] {
  return db.select().from(imports).orderBy(desc(imports.finishedAt), desc(imports.id)).limit(limit).all();
}
