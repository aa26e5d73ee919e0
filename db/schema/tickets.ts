/** Support tickets imported from a helpdesk, in the canonical shape of SPEC section 6. */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

import { CHANNELS } from '../shared/ticket-channels.ts';

export { CHANNELS, type Channel } from '../shared/ticket-channels.ts';

export const tickets = sqliteTable(
  'tickets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Where the ticket came from (`zendesk`, `callcenter`, ...); with externalId, the upsert key. */
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    /** Epoch milliseconds (UTC). */
    createdAt: integer('created_at').notNull(),
    firstResponseAt: integer('first_response_at'),
    solvedAt: integer('solved_at'),
    status: text('status'),
    channel: text('channel', { enum: CHANNELS }).notNull().default('other'),
    type: text('type'),
    priority: text('priority'),
    subject: text('subject'),
    /** SHA-256 of the normalised requester identity, never the raw value. */
    requester: text('requester'),
    assignee: text('assignee'),
    group: text('group'),
    /** Agent replies. */
    replies: integer('replies'),
    reopens: integer('reopens'),
    /** `good`, `bad`, or `1`..`5`; null when not rated. */
    csat: text('csat'),
    handleSeconds: integer('handle_seconds'),
    waitSeconds: integer('wait_seconds'),
    abandoned: integer('abandoned', { mode: 'boolean' }),
    /** Article slug, when the ticket came from the help center's contact form. */
    article: text('article'),
    importedAt: integer('imported_at').notNull(),
  },
  (t) => [
    uniqueIndex('tickets_source_external').on(t.source, t.externalId),
    index('tickets_created').on(t.createdAt),
    // The tickets report reads each ticket's times, channel and assignee (quantiles overall, per period, per channel
    // and per assignee) through this index alone, without reading the table.
    index('tickets_created_durations').on(t.createdAt, t.firstResponseAt, t.solvedAt, t.channel, t.assignee),
  ],
);

/** One row per (ticket, tag), so reports can count per tag without parsing lists. */
export const ticketTags = sqliteTable(
  'ticket_tags',
  {
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.tag] }), index('ticket_tags_tag').on(t.tag)],
);
