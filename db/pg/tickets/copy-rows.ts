/** Checked import rows (StagedRecord) as lines of COPY's text format, made on the node as the file is read. */
import { STAGED_COLUMNS } from '../../tickets/ticket-fields.ts';
import type { StagedRecord } from '../../tickets/worker-protocol.ts';

const q = (c: string) => `"${c}"`;
const INT = new Set(['created_at', 'first_response_at', 'solved_at', 'replies', 'reopens', 'handle_seconds', 'wait_seconds']);
const pgType = (c: string) => (INT.has(c) ? 'int8' : c === 'abandoned' ? 'bool' : 'text');

/** The columns of a COPY line, in StagedRecord order: the file line, the tickets columns, the tags. */
export const COPY_COLUMNS = `line, ${STAGED_COLUMNS.map(q).join(', ')}, tags`;
/** The same columns with PostgreSQL types, for the table the lines are copied into. */
export const COPY_COLUMN_TYPES = `line int8, ${STAGED_COLUMNS.map((c) => `${q(c)} ${pgType(c)}`).join(', ')}, tags text[]`;

/** Where `abandoned` (0/1) sits in a StagedRecord. */
const ABANDONED = 1 + STAGED_COLUMNS.indexOf('abandoned');
const TAGS = 1 + STAGED_COLUMNS.length;

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value as a field of COPY's text format: backslash, tab, newline and carriage return escaped. */
export function copyText(value: string): string {
  return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : value;
}

/**
 * Tags (a JSON array of strings, as the mapper makes them) as a text[] literal. JSON and array literals quote and
 * escape `"` and `\` alike, so JSON without a backslash is the literal as it stands; anything else is rebuilt.
 */
function tagArray(json: string): string {
  if (json === '[]') return '{}';
  if (!json.includes('\\')) return `{${json.slice(1, -1)}}`;
  const tags = JSON.parse(json) as string[];
  return copyText(`{${tags.map((t) => `"${t.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
}

/** The stored columns of a row (STAGED_COLUMNS order) as COPY fields, each after a tab. */
function fields(record: StagedRecord): string {
  let text = '';
  for (let i = 1; i < TAGS; i++) {
    const v = record[i];
    text += '\t';
    if (v === null || v === undefined) text += '\\N';
    else if (typeof v === 'number') text += i === ABANDONED ? (v ? 't' : 'f') : String(v);
    else text += copyText(v);
  }
  return text;
}

/** One checked row as a line of COPY text (COPY_COLUMNS order), newline included. */
export function copyLine(record: StagedRecord): string {
  return `${record[0]}${fields(record)}\t${tagArray(record[TAGS] as string)}\n`;
}

/** The columns of a line copied straight into tickets (TICKET_COPY_COLUMNS): the id, the source, the row, its import time. */
export const TICKET_COPY_COLUMNS = `id, source, ${STAGED_COLUMNS.map(q).join(', ')}, imported_at`;

/** A row as a line of COPY text into tickets (TICKET_COPY_COLUMNS): `source` as COPY text, `tail` the line's end (`\t<imported_at>\n`). */
export const ticketLine = (record: StagedRecord, id: number, source: string, tail: string): string => `${id}\t${source}${fields(record)}${tail}`;

/** A row's tags (the mapper's JSON array) as lines of COPY text into ticket_tags (ticket_id, tag). */
export function tagLines(id: number, json: string): string {
  if (json === '[]') return '';
  // JSON without a backslash has every tag between `","`, as it stands; anything else is parsed.
  const tags = json.includes('\\') ? (JSON.parse(json) as string[]) : json.slice(2, -2).split('","');
  let text = '';
  for (const tag of tags) text += `${id}\t${copyText(tag)}\n`;
  return text;
}
