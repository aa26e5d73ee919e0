/** Compiles one profile source (column(s), conditions, missing markers, value map) into a raw-value reader. */
import type { ConditionSpec, SourceSpec } from './profile-schema.ts';

/** Finds a column in the file by name (case and surrounding spaces ignored); null when absent. */
export type ColumnResolver<R> = (name: string) => { name: string; get: (row: R) => string | undefined } | null;

/** A raw value read from a row: text, or null for missing. `column` names the file column for errors. */
export interface RawValue {
  text: string | null;
  column: string;
}

export interface CompiledSource<R> {
  spec: SourceSpec;
  read(row: R): RawValue;
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
  const isMissing = (v: string) => markers.has(v);
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

  const readColumns = (row: R): string | null => {
    if (!cols.length) return constant(spec.value);
    const parts: string[] = [];
    for (const col of cols) {
      const v = (col.get(row) ?? '').trim();
      if (isMissing(v)) return null;
      parts.push(v);
    }
    const text = parts.join(join);
    if (!exact || !folded) return text;
    const mapped = exact.has(text) ? exact.get(text) : folded.has(text.toLowerCase()) ? folded.get(text.toLowerCase()) : text;
    return constant(mapped);
  };

  const checks = conditions.filter((c) => c !== null);
  if (!checks.length) return { spec, read: (row) => ({ text: readColumns(row), column: label }) };
  const whenValue = spec.value;
  const elseValue = constant(spec.else);
  return {
    spec,
    read(row) {
      if (!checks.every((check) => check(row))) return { text: elseValue, column: label };
      return { text: whenValue !== undefined ? constant(whenValue) : readColumns(row), column: label };
    },
  };
}

export function isUnavailable<R>(s: CompiledSource<R> | Unavailable): s is Unavailable {
  return 'missing' in s;
}
