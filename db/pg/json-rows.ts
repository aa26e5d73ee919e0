/**
 * Rows as one json parameter (`SELECT * FROM json_to_recordset($1::json) AS r(id int8, ...)`): JSON.stringify is
 * native and PostgreSQL parses the text once per statement, where typed arrays cost a JavaScript escape per value
 * and one array literal per column (measured in bench/results/pg.md).
 */

/** Column types a recordset may declare. */
export type ColumnType = 'int8' | 'text' | 'bool' | 'bytea';

/** `r(name type, ...)`, quoted, for json_to_recordset over objects whose keys are the names. */
export const recordset = (columns: ReadonlyArray<readonly [name: string, type: ColumnType]>): string =>
  `r(${columns.map(([name, type]) => `"${name}" ${type}`).join(', ')})`;

/**
 * JSON.stringify writes a NUL or a lone surrogate as a \u escape that PostgreSQL's text cannot take (the whole
 * statement would fail, and with it every other visitor's event in the batch). Those strings are stored as a UTF-8
 * encoder would send them: a lone surrogate, and a NUL, become U+FFFD.
 */
const storable = (_key: string, value: unknown) => (typeof value === 'string' ? value.replaceAll('\0', '\uFFFD').toWellFormed() : value);

/** The rows as one JSON text; the slow path runs only when some string needs it (rare: a \u escape was written). */
export function jsonRows(rows: readonly object[]): string {
  const json = JSON.stringify(rows);
  return json.includes('\\u') ? JSON.stringify(rows, storable) : json;
}

/** A bytea value as json_to_recordset reads it (hex format). */
export const hexBytes = (b: Uint8Array): string => `\\x${Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex')}`;
