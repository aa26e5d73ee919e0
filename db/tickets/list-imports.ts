/** listImports(): finished ticket imports (CLI or upload), newest first, for the dashboard's import history. */
import { count, desc } from 'drizzle-orm';
import type { Db } from '../sqlite/client.ts';
import { imports } from '../schema/index.ts';
import type { ImportRecord } from '../shared/imports.ts';

export type { ImportRecord } from '../shared/imports.ts';

/** `limit` imports from `offset` on, newest first. */
export function listImports(db: Db, limit = 20, offset = 0): ImportRecord[] {
  return db.select().from(imports).orderBy(desc(imports.finishedAt), desc(imports.id)).limit(limit).offset(offset).all();
}

/** How many imports the history holds. */
export function countImports(db: Db): number {
  return db.select({ n: count() }).from(imports).get()?.n ?? 0;
}
