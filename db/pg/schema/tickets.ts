/** Support tickets on PostgreSQL, the canonical shape of SPEC 6 (as db/schema/tickets.ts). */
import { boolean, index, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { CHANNELS } from '../../shared/ticket-channels.ts';
import { int8, serialId } from './columns.ts';

export const tickets = pgTable(
  'tickets',
  {
    id: serialId('id').primaryKey(),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    createdAt: int8('created_at').notNull(),
    firstResponseAt: int8('first_response_at'),
    solvedAt: int8('solved_at'),
    status: text('status'),
    channel: text('channel', { enum: CHANNELS }).notNull().default('other'),
    type: text('type'),
    priority: text('priority'),
    subject: text('subject'),
    requester: text('requester'),
    assignee: text('assignee'),
    group: text('group'),
    replies: int8('replies'),
    reopens: int8('reopens'),
    csat: text('csat'),
    handleSeconds: int8('handle_seconds'),
    waitSeconds: int8('wait_seconds'),
    abandoned: boolean('abandoned'),
    article: text('article'),
    importedAt: int8('imported_at').notNull(),
  },
  // No index on created_at alone (SQLite keeps one): the durations index starts with it and serves the same ranges.
  (t) => [
    uniqueIndex('tickets_source_external').on(t.source, t.externalId),
    // Each ticket's times, channel and assignee for the tickets report, read by an index-only scan.
    index('tickets_created_durations').on(t.createdAt, t.firstResponseAt, t.solvedAt, t.channel, t.assignee),
  ],
);

export const ticketTags = pgTable(
  'ticket_tags',
  {
    // No foreign key (SQLite keeps one): PostgreSQL checks one with a trigger per inserted tag, which took two thirds
    // of a big import's tag writes. Tags are only written with the ids of tickets written or read in the same
    // transaction (db/pg/tickets/), and tickets are never deleted here.
    ticketId: int8('ticket_id').notNull(),
    tag: text('tag').notNull(),
  },
  // No index by tag (SQLite keeps one): every count by tag comes from the rollups, and each index is paid per imported tag.
  (t) => [primaryKey({ columns: [t.ticketId, t.tag] })],
);
