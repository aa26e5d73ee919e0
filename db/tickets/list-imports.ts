/** listImports(): ticket imports (CLI or upload), newest first, for the dashboard's import history. */
import { count, desc, getTableColumns } from 'drizzle-orm';
import type { Db } from '../sqlite/client.ts';
import { imports } from '../schema/index.ts';
import type { ImportRecord } from '../shared/imports.ts';

export type { ImportRecord } from '../shared/imports.ts';

// The undo journal's first_ticket_id is SQLite's own business, not the history's.
const { firstTicketId: _journal, ...shown } = getTableColumns(imports);

/** `limit` imports from `offset` on, newest first. */
export function listImports(db: Db, limit = 20, offset = 0): ImportRecord[] {
  return db.select(shown).from(imports).orderBy(desc(imports.finishedAt), desc(imports.id)).limit(limit).offset(offset).all();
}

/** How many imports the history holds. */
export function countImports(db: Db): number {
  return db.select({ n: count() }).from(imports).get()?.n ?? 0;
}
