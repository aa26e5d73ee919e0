/** Compiles one profile source (column(s), conditions, missing markers, value map) into a raw-value reader. */
import type { ConditionSpec, FieldSpecValue, SourceSpec } from './profile-schema.ts';

/** Finds a column in the file by name (case and surrounding spaces ignored); null when absent. */
export type ColumnResolver<R> = (name: string) => { name: string; get: (row: R) => string | undefined } | null;

export interface CompiledSource<R> {
  spec: SourceSpec;
  /** The file column(s) read, for error messages. */
  column: string;
  /** The raw text of the value, or null when missing. */
  read(row: R): string | null;
}

/** Why a source cannot be used with this file: the columns it needs that the file lacks. */
export interface Unavailable {
  missing: string[];
}

const lc = (s: string) => s.trim().toLowerCase();

function compileCondition<R>(c: ConditionSpec, resolve: ColumnResolver<R>, isMissing: (v: string) => boolean) {
  const col = resolve(c.column);
  if (!col) return null;
  const list = (v: string | string[] | undefined) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).map(lc));
  const is = list(c.is);
  const isNot = list(c.isNot);
  return (row: R): boolean => {
    const v = (col.get(row) ?? '').trim();
    if (is) return is.includes(v.toLowerCase());
    if (isNot) return !isNot.includes(v.toLowerCase());
    if (c.gt !== undefined) return Number(v) > c.gt;
    return !isMissing(v) === c.present;
  };
}

/** Builds the reader for one source, or says which columns the file lacks for it. */
export function compileSource<R>(
  spec: SourceSpec,
  resolve: ColumnResolver<R>,
  profileMissing: readonly string[],
): CompiledSource<R> | Unavailable {
  const markers = new Set(['', ...profileMissing, ...(spec.missing ?? [])]);
  // Most sources know only the empty marker: a comparison instead of hashing every value.
  const isMissing = markers.size === 1 ? (v: string) => v === '' : (v: string) => markers.has(v);
  const names = spec.columns ?? (spec.column === undefined ? [] : Array.isArray(spec.column) ? spec.column : [spec.column]);
  const resolved = names.map(resolve);
  const conditions = (spec.when ?? []).map((c) => compileCondition(c, resolve, isMissing));
  const missing: string[] = [];
  if (spec.columns) spec.columns.forEach((n, i) => resolved[i] || missing.push(n));
  else if (names.length && !resolved.some(Boolean)) missing.push(names.join('" or "'));
  (spec.when ?? []).forEach((c, i) => conditions[i] || missing.push(c.column));
  if (missing.length) return { missing };

  const cols = spec.columns ? resolved.map((r) => r!) : resolved.filter((r) => r !== null).slice(0, 1);
  const label = cols.length ? cols.map((c) => c.name).join(' + ') : '(constant)';
  const join = spec.join ?? ' ';
  const exact = spec.map ? new Map(Object.entries(spec.map)) : null;
  const folded = spec.map ? new Map(Object.entries(spec.map).map(([k, v]) => [lc(k), v])) : null;
  const constant = (v: string | number | boolean | null | undefined): string | null =>
    v === undefined || v === null ? null : String(v);

  const mapText = (text: string): string | null => {
    if (!exact || !folded) return text;
    // Maps hold null for "no value" (Offered -> null), so presence is told by undefined.
    let mapped = exact.get(text);
    if (mapped === undefined) mapped = folded.get(text.toLowerCase());
    return constant(mapped === undefined ? text : mapped);
  };
  const single = cols.length === 1 ? cols[0]! : null;
  // One column is nearly every source, read for every row of a big file: no parts array to join.
  const readColumns = single
    ? (row: R): string | null => {
        const v = (single.get(row) ?? '').trim();
        return isMissing(v) ? null : mapText(v);
      }
    : (row: R): string | null => {
        if (!cols.length) return constant(spec.value);
        const parts: string[] = [];
        for (const col of cols) {
          const v = (col.get(row) ?? '').trim();
          if (isMissing(v)) return null;
          parts.push(v);
        }
        return mapText(parts.join(join));
      };

  const checks = conditions.filter((c) => c !== null);
  if (!checks.length) return { spec, column: label, read: readColumns };
  const whenValue = spec.value;
  const elseValue = constant(spec.else);
  return {
    spec,
    column: label,
    read(row) {
      if (!checks.every((check) => check(row))) return elseValue;
      return whenValue !== undefined ? constant(whenValue) : readColumns(row);
    },
  };
}

export function isUnavailable<R>(s: CompiledSource<R> | Unavailable): s is Unavailable {
  return 'missing' in s;
}

/** Turns a field spec (a column name, one source, or a list of fallbacks) into a list of sources. */
export function sourcesOf(spec: FieldSpecValue): SourceSpec[] {
  const list = Array.isArray(spec) ? spec : [spec];
  return list.map((s) => (typeof s === 'string' ? { column: s } : s));
}
