/** The canonical ticket fields of SPEC 6 that a profile can fill, and the row shape the writer stores. */
import type { Channel } from '../shared/ticket-channels.ts';

export const TIME_FIELDS = ['created_at', 'first_response_at', 'solved_at'] as const;
export const TEXT_FIELDS = ['status', 'type', 'priority', 'subject', 'requester', 'assignee', 'group', 'article'] as const;
export const INT_FIELDS = ['replies', 'reopens', 'handle_seconds', 'wait_seconds'] as const;

/** Every field a profile may name, in the order the docs list them. */
export const FIELD_NAMES = [
  'external_id',
  ...TIME_FIELDS,
  'channel',
  ...TEXT_FIELDS,
  'tags',
  ...INT_FIELDS,
  'csat',
  'abandoned',
] as const;

export type FieldName = (typeof FIELD_NAMES)[number];
export type TimeField = (typeof TIME_FIELDS)[number];
export type IntField = (typeof INT_FIELDS)[number];

/** Fields every import needs; a file without their columns is refused before any row is read. */
export const REQUIRED_FIELDS: readonly FieldName[] = ['external_id', 'created_at'];

/** A ticket ready to store: requester already hashed, channel settled, tags sorted and unique. */
export interface TicketRow {
  externalId: string;
  createdAt: number;
  firstResponseAt: number | null;
  solvedAt: number | null;
  status: string | null;
  channel: Channel;
  type: string | null;
  priority: string | null;
  subject: string | null;
  requester: string | null;
  assignee: string | null;
  group: string | null;
  replies: number | null;
  reopens: number | null;
  csat: string | null;
  handleSeconds: number | null;
  waitSeconds: number | null;
  abandoned: boolean | null;
  article: string | null;
  tags: string[];
}

/** The stored columns of TicketRow (all but tags), with their SQL names, in one fixed order. */
export const ROW_COLUMNS: ReadonlyArray<readonly [keyof Omit<TicketRow, 'tags'>, string]> = [
  ['externalId', 'external_id'],
  ['createdAt', 'created_at'],
  ['firstResponseAt', 'first_response_at'],
  ['solvedAt', 'solved_at'],
  ['status', 'status'],
  ['channel', 'channel'],
  ['type', 'type'],
  ['priority', 'priority'],
  ['subject', 'subject'],
  ['requester', 'requester'],
  ['assignee', 'assignee'],
  ['group', 'group'],
  ['replies', 'replies'],
  ['reopens', 'reopens'],
  ['csat', 'csat'],
  ['handleSeconds', 'handle_seconds'],
  ['waitSeconds', 'wait_seconds'],
  ['abandoned', 'abandoned'],
  ['article', 'article'],
];

/**
 * The columns of a checked row (a StagedRecord after its line) in ROW_COLUMNS order: SQLite's staging file and
 * PostgreSQL's COPY lines have these, tags after them.
 */
export const STAGED_COLUMNS = ROW_COLUMNS.map(([, c]) => c);

/** The stored fields in ROW_COLUMNS order; a field's position here is its slot in a row being mapped. */
export const STORED_FIELDS = ROW_COLUMNS.map(([, c]) => c as FieldName);

/** A stored field's slot (tags, stored apart, have none). */
export function slotOf(field: FieldName): number {
  return STORED_FIELDS.indexOf(field);
}

/**
 * The longest text each text field may hold, in characters (a longer value is a bad row, not a stored one): ids and
 * names are short, a subject is a line, a requester is an address before it is hashed.
 */
export const TEXT_LIMITS: Partial<Record<FieldName, number>> = {
  external_id: 200,
  status: 100,
  type: 200,
  priority: 100,
  subject: 1000,
  requester: 1000,
  assignee: 200,
  group: 200,
  article: 200,
  channel: 100,
  csat: 50,
};
/** Each tag at most this long, and at most this many tags on a ticket. */
export const TAG_LIMIT = 100;
export const MAX_TAGS = 100;
/** Times later than this after the import started are refused as lying in the future (a day allows for zones). */
export const FUTURE_SLACK_MS = 24 * 60 * 60_000;
