/**
 * Rows as one jsonb parameter, each row an array of its values in column order (`SELECT (r->>0)::int8, r->>1, ...
 * FROM jsonb_array_elements($1::jsonb) AS r`): JSON.stringify is native and PostgreSQL parses the text once per
 * statement, where typed arrays cost a JavaScript escape per value and one array literal per column. Arrays rather
 * than objects with named keys (json_to_recordset, which looks every key of every row up by name): the batch's write
 * statement took a quarter less of PostgreSQL's time, and the text is 44% shorter (bench/results/pg.md). jsonb, not
 * json: on json text each `->>` parses the row again from its start, four times the cost of named keys.
 */

/** Column types a row may carry. */
export type ColumnType = 'int8' | 'text' | 'bool' | 'bytea';

/** `SELECT <column i of each row, as its type> FROM jsonb_array_elements(<param>::jsonb) AS r`, for rows sent as arrays. */
export const arrayRows = (param: string, columns: ReadonlyArray<readonly [name: string, type: ColumnType]>): string =>
  `SELECT ${columns.map(([name, type], i) => (type === 'text' ? `r->>${i}` : `(r->>${i})::${type}`) + ` AS "${name}"`).join(', ')}
    FROM jsonb_array_elements(${param}::jsonb) AS r`;

/**
 * JSON.stringify writes a NUL or a lone surrogate as a \u escape that PostgreSQL's text cannot take (the whole
 * statement would fail, and with it every other visitor's event in the batch). Those strings are stored as a UTF-8
 * encoder would send them: a lone surrogate, and a NUL, become U+FFFD.
 */
const storable = (_key: string, value: unknown) => (typeof value === 'string' ? value.replaceAll('\0', '\uFFFD').toWellFormed() : value);

/** The rows (arrays, or objects) as one JSON text; the slow path runs only when some string needs it (rare: a \u escape was written). */
export function jsonRows(rows: readonly object[]): string {
  const json = JSON.stringify(rows);
  return json.includes('\\u') ? JSON.stringify(rows, storable) : json;
}

/** A bytea value as arrayRows reads it (hex format). */
export const hexBytes = (b: Uint8Array): string => `\\x${Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex')}`;
