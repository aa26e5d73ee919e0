/** One row per finished ticket import, as db/schema/imports.ts. */
import { index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { int8, serialId } from './columns.ts';

export const imports = pgTable(
  'imports',
  {
    id: serialId('id').primaryKey(),
    source: text('source').notNull(),
    fileName: text('file_name').notNull(),
    profile: text('profile').notNull(),
    /** As on SQLite; PostgreSQL publishes an import in one transaction, so it is never left `running`. */
    status: text('status', { enum: ['running', 'ok', 'failed', 'interrupted'] }).notNull(),
    rows: int8('rows').notNull(),
    imported: int8('imported').notNull(),
    updated: int8('updated').notNull(),
    unchanged: int8('unchanged').notNull(),
    skipped: int8('skipped').notNull(),
    errors: int8('errors').notNull(),
    /** Kept for the shared row shape; SQLite's undo journal uses it, PostgreSQL needs no journal. */
    firstTicketId: int8('first_ticket_id'),
    /** The first problems (line, column, value, reason); null when there were none. */
    errorSample: jsonb('error_sample').$type<Array<{ line: number | null; column: string | null; value: string | null; reason: string }>>(),
    /** Who ran it: `cli:<user>@<host>`, `dashboard` or `api`. */
    ranBy: text('ran_by'),
    startedAt: int8('started_at').notNull(),
    finishedAt: int8('finished_at').notNull(),
  },
  (t) => [index('imports_finished').on(t.finishedAt)],
);
