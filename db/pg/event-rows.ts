/**
 * A stored event as a positional row: the ingest writer sends a batch's events as JSON arrays in EVENT_COLUMNS order
 * (json-rows.ts), and the rollup applier decodes the same text from the batch's queue row (docs/scale-out.md).
 */
import type { StoredEvent } from '../reports/rollups/events.ts';

/** The events table's columns, each with the StoredEvent field that fills it, in the order of a row's values. */
export const EVENT_COLUMNS = [
  ['id', 'id', 'int8'], ['ts', 'ts', 'int8'], ['type', 'type', 'text'], ['visitor', 'visitor', 'text'], ['session_id', 'sessionId', 'int8'],
  ['pv', 'pv', 'text'], ['path', 'path', 'text'], ['article', 'article', 'text'], ['locale', 'locale', 'text'], ['seconds', 'seconds', 'int8'],
  ['scroll', 'scroll', 'int8'], ['helpful', 'helpful', 'bool'], ['query', 'query', 'text'], ['query_norm', 'queryNorm', 'text'],
  ['results', 'results', 'int8'], ['position', 'position', 'int8'], ['comment', 'comment', 'text'], ['referrer_host', 'referrerHost', 'text'],
  ['via', 'via', 'text'], ['attributed_article', 'attributedArticle', 'text'], ['clicked', 'clicked', 'bool'],
] as const;

/** The events columns as a select list that gives StoredEvent objects. */
export const STORED_EVENT_COLUMNS = EVENT_COLUMNS.map(([column, field]) => (column === field ? column : `${column} AS "${field}"`)).join(', ');

/** An event's values in EVENT_COLUMNS order. */
export const eventValues = (row: StoredEvent): unknown[] => EVENT_COLUMNS.map(([, field]) => row[field]);

/** A stored event from its values in EVENT_COLUMNS order. */
export function eventFromValues(values: readonly unknown[]): StoredEvent {
  const row: Record<string, unknown> = {};
  EVENT_COLUMNS.forEach(([, field], i) => (row[field] = values[i]));
  return row as unknown as StoredEvent;
}
