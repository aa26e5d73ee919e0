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

/** One checked row as a line of COPY text (COPY_COLUMNS order), newline included. */
export function copyLine(record: StagedRecord): string {
  let line = String(record[0]);
  for (let i = 1; i < TAGS; i++) {
    const v = record[i];
    line += '\t';
    if (v === null || v === undefined) line += '\\N';
    else if (typeof v === 'number') line += i === ABANDONED ? (v ? 't' : 'f') : String(v);
    else line += copyText(v);
  }
  return `${line}\t${tagArray(record[TAGS] as string)}\n`;
}
