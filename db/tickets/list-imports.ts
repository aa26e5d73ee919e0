/** listImports(): the most recent ticket imports, newest first, for the dashboard's import page. */
import { desc, getTableColumns } from 'drizzle-orm';
import type { Db } from '../sqlite/client.ts';
import { imports } from '../schema/index.ts';

/** An import as the history shows it (the undo journal's first_ticket_id is SQLite's own business). */
export type ImportRecord = Omit<typeof imports.$inferSelect, 'firstTicketId'>;

const { firstTicketId: _journal, ...shown } = getTableColumns(imports);

export function listImports(db: Db, limit = 20): ImportRecord[] {
  return db.select(shown).from(imports).orderBy(desc(imports.finishedAt), desc(imports.id)).limit(limit).all();
}
