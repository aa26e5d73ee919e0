/** One set-based upsert per table: rows travel as one jsonb parameter (json-rows.ts), whatever their number. */
import type { Sql } from './client.ts';
import { arrayRows, hexBytes, jsonRows, type ColumnType } from './json-rows.ts';

export type { ColumnType } from './json-rows.ts';

export interface UpsertSpec {
  table: string;
  columns: ReadonlyArray<readonly [name: string, type: ColumnType]>;
  /** The conflict target (a primary key or unique index). */
  key: readonly string[];
  /** On conflict: keep the stored row, replace these columns, or add to these counters. */
  onConflict: { nothing: true } | { set: readonly string[] } | { add: readonly string[] };
}

function statementOf(spec: UpsertSpec): string {
  const names = spec.columns.map(([n]) => n);
  const c = spec.onConflict;
  const action =
    'nothing' in c
      ? 'DO NOTHING'
      : 'set' in c
        ? `DO UPDATE SET ${c.set.map((n) => `${n} = excluded.${n}`).join(', ')}`
        : `DO UPDATE SET ${c.add.map((n) => `${n} = ${spec.table}.${n} + excluded.${n}`).join(', ')}`;
  return `INSERT INTO ${spec.table} (${names.join(', ')}) ${arrayRows('$1', spec.columns)}
    ON CONFLICT (${spec.key.join(', ')}) ${action}`;
}

/** Writes `rows` (values in `columns` order); does nothing for no rows. The statement is prepared once per connection. */
export async function upsertRows(sql: Sql, spec: UpsertSpec, rows: ReadonlyArray<readonly unknown[]>): Promise<void> {
  if (rows.length === 0) return;
  const bytea = spec.columns.flatMap(([, type], i) => (type === 'bytea' ? [i] : []));
  const values = bytea.length === 0 ? rows : rows.map((r) => r.map((v, i) => (v != null && bytea.includes(i) ? hexBytes(v as Uint8Array) : v)));
  await sql.unsafe(statementOf(spec), [jsonRows(values)] as never[], { prepare: true });
}
