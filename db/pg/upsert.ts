/** One set-based upsert per table: rows travel as typed arrays through unnest(), whatever their number. */
import { bools, byteas, int8s, texts } from './arrays.ts';
import type { Sql } from './client.ts';

export type ColumnType = 'int8' | 'text' | 'bool' | 'bytea';

export interface UpsertSpec {
  table: string;
  columns: ReadonlyArray<readonly [name: string, type: ColumnType]>;
  /** The conflict target (a primary key or unique index). */
  key: readonly string[];
  /** On conflict: keep the stored row, replace these columns, or add to these counters. */
  onConflict: { nothing: true } | { set: readonly string[] } | { add: readonly string[] };
}

function param(sql: Sql, type: ColumnType, values: unknown[]) {
  if (type === 'int8') return int8s(sql, values as Array<number | null>);
  if (type === 'text') return texts(sql, values as Array<string | null>);
  if (type === 'bool') return bools(sql, values as Array<boolean | null>);
  return byteas(sql, values as Buffer[]);
}

/** Writes `rows` (values in `columns` order); does nothing for no rows. */
export async function upsertRows(sql: Sql, spec: UpsertSpec, rows: ReadonlyArray<readonly unknown[]>): Promise<void> {
  if (rows.length === 0) return;
  const names = spec.columns.map(([n]) => n);
  const unnest = spec.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const c = spec.onConflict;
  const action =
    'nothing' in c
      ? 'DO NOTHING'
      : 'set' in c
        ? `DO UPDATE SET ${c.set.map((n) => `${n} = excluded.${n}`).join(', ')}`
        : `DO UPDATE SET ${c.add.map((n) => `${n} = ${spec.table}.${n} + excluded.${n}`).join(', ')}`;
  const query = `INSERT INTO ${spec.table} (${names.join(', ')}) SELECT * FROM unnest(${unnest}) ON CONFLICT (${spec.key.join(', ')}) ${action}`;
  const params = spec.columns.map(([, type], i) => param(sql, type, rows.map((r) => r[i])));
  await sql.unsafe(query, params as never[]);
}
