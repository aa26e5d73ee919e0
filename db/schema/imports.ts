/**
 * One row per ticket import (CLI or upload), for the dashboard's import history, written when the import starts to
 * write; with the undo journal it makes an import all or nothing across a crash (db/import/journal.ts).
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const imports = sqliteTable(
  'imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    source: text('source').notNull(),
    /** The file's name as the user gave it (no folders for uploads). */
    fileName: text('file_name').notNull(),
    /** `preset zendesk`, or the mapping file used. */
    profile: text('profile').notNull(),
    /**
     * `running` while it writes; `ok`: rows were stored; `failed`: bad rows (or an error), nothing stored;
     * `interrupted`: the process died while writing and what it wrote was undone.
     */
    status: text('status', { enum: ['running', 'ok', 'failed', 'interrupted'] }).notNull(),
    rows: integer('rows').notNull(),
    imported: integer('imported').notNull(),
    updated: integer('updated').notNull(),
    unchanged: integer('unchanged').notNull(),
    skipped: integer('skipped').notNull(),
    errors: integer('errors').notNull(),
    /** The largest ticket id ever given before this import wrote: tickets above it are the ones it added. */
    firstTicketId: integer('first_ticket_id'),
    /** The first problems (line, column, value, reason), JSON; null when there were none. */
    errorSample: text('error_sample', { mode: 'json' }).$type<Array<{ line: number | null; column: string | null; value: string | null; reason: string }>>(),
    /** Who ran it: `cli:<user>@<host>`, `dashboard` (an admin session) or `api` (the admin token); null before this was kept. */
    ranBy: text('ran_by'),
    /** Epoch milliseconds (UTC). */
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at').notNull(),
  },
  (t) => [index('imports_finished').on(t.finishedAt)],
);

/**
 * What a running import changed, so it can be undone if its process dies: each ticket it updated, as it was before
 * (its columns as a JSON array in the order of db/import/journal.ts, and its tags). Tickets it added need no row:
 * they are the ones above the import's first_ticket_id. Emptied when the import finishes.
 */
export const ticketImportUndo = sqliteTable(
  'ticket_import_undo',
  {
    importId: integer('import_id').notNull(),
    ticketId: integer('ticket_id').notNull(),
    row: text('row').notNull(),
    tags: text('tags').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.ticketId] })],
);
