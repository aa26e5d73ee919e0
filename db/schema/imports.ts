/** One row per finished ticket import (CLI or upload), for the dashboard's import history. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const imports = sqliteTable(
  'imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    source: text('source').notNull(),
    /** The file's name as the user gave it (no folders for uploads). */
    fileName: text('file_name').notNull(),
    /** `preset zendesk`, or the mapping file used. */
    profile: text('profile').notNull(),
    /** `ok`: rows were stored; `failed`: bad rows, nothing stored. */
    status: text('status', { enum: ['ok', 'failed'] }).notNull(),
    rows: integer('rows').notNull(),
    imported: integer('imported').notNull(),
    updated: integer('updated').notNull(),
    unchanged: integer('unchanged').notNull(),
    skipped: integer('skipped').notNull(),
    errors: integer('errors').notNull(),
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
