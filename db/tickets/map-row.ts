/**
 * Compiles a profile against a file's columns into a function turning one record into a canonical ticket row,
 * in the form staging stores (a StagedRecord), or its errors.
 */
import { compileSource, isUnavailable, sourcesOf, type ColumnResolver, type CompiledSource } from './compile-source.ts';
import { converter, type Draft, type Setter } from './convert-field.ts';
import { ImportFileError, type RowError } from './errors.ts';
import { FIELD_NAMES, REQUIRED_FIELDS, STORED_FIELDS, slotOf, type FieldName } from './ticket-fields.ts';
import type { Profile } from './profile-schema.ts';
import { REFUSED, type StagedRecord, type WireRecord } from './worker-protocol.ts';

/** A mapped row, or REFUSED with its errors. */
export type RowMapper<R> = (row: R, line: number) => WireRecord;

interface CompiledField<R> {
  field: FieldName;
  /** Where the value goes in the draft; -1 for tags. */
  slot: number;
  required: boolean;
  sources: Array<{ source: CompiledSource<R>; convert: Setter; split: RegExp }>;
}

/** Checks the file's columns against the profile and returns the row mapper; a missing needed column throws. */
export function compileMapper<R>(profile: Profile, resolve: ColumnResolver<R>, zone: string, label: string, header: string[]): RowMapper<R> {
  const fields: CompiledField<R>[] = [];
  const problems: RowError[] = [];
  for (const field of FIELD_NAMES) {
    const spec = profile.fields[field];
    if (!spec) continue;
    const compiled: CompiledField<R> = { field, slot: slotOf(field), required: REQUIRED_FIELDS.includes(field), sources: [] };
    const missing: string[] = [];
    for (const s of sourcesOf(spec)) {
      const c = compileSource(s, resolve, profile.missing ?? []);
      if (!isUnavailable(c)) compiled.sources.push({ source: c, convert: converter(field, s, profile, zone), split: tagSeparator(s.split ?? ',') });
      else if (s.required) missing.push(...c.missing);
      else if (REQUIRED_FIELDS.includes(field)) missing.push(...c.missing);
    }
    const refused = REQUIRED_FIELDS.includes(field) ? !compiled.sources.length : missing.length > 0;
    if (refused) {
      const names = missing.map((m) => `"${m}"`).join(', ');
      problems.push({ line: 1, column: missing[0] ?? null, value: null, reason: `missing column ${names}: ${label} expects it for ${field}` });
    }
    if (compiled.sources.length) fields.push(compiled);
  }
  if (problems.length) {
    const shown = header.slice(0, 12).map((h) => `"${h}"`).join(', ') + (header.length > 12 ? ', …' : '');
    const hint = header.length === 1 ? ' Only one column was found: is the file separated by , ; or tab?' : '';
    const msg = `${problems.map((p) => p.reason).join('; ')}. The file's header has ${shown}.${hint}`;
    throw new ImportFileError(msg.charAt(0).toUpperCase() + msg.slice(1), problems);
  }
  // One draft reused row after row (mapping is synchronous and the record copies the values out).
  const draft: Draft = STORED_FIELDS.map(() => undefined);
  return (row, line) => mapRow(fields, draft, row, line);
}

function mapRow<R>(fields: CompiledField<R>[], draft: Draft, row: R, line: number): WireRecord {
  draft.fill(undefined);
  let errors: RowError[] | undefined;
  let tags: string[] = [];
  for (const { field, slot, required, sources } of fields) {
    let failed = false;
    for (const { source, convert, split } of sources) {
      const text = source.read(row);
      if (text === null) continue;
      if (field === 'tags') {
        const more = text.split(split).map((t) => t.trim()).filter(Boolean);
        tags = tags.length ? tags.concat(more) : more;
        continue;
      }
      const r = convert(text, draft);
      if (!r.ok) (errors ??= []).push({ line, column: source.column, value: text, reason: r.reason });
      else if (r.value !== null) draft[slot] = r.value;
      failed = !r.ok;
      break;
    }
    if (required && !failed && draft[slot] === undefined) {
      (errors ??= []).push({ line, column: sources[0]?.source.column ?? null, value: null, reason: `no value for ${field}, which every ticket needs` });
    }
  }
  return errors ? [line, REFUSED, ...errors] : toRecord(draft, tags, line);
}

/** Tags are split on any of the profile's separator characters, and on \u001f (how JSON arrays are read). */
function tagSeparator(chars: string): RegExp {
  return new RegExp(`[${chars.replace(/[\\\]^-]/g, '\\$&')}\\u001f]+`);
}

const CHANNEL = slotOf('channel');

/** [line, ...stored values (missing as null, booleans as 0/1, channel `other` when unknown), tags as JSON]. */
function toRecord(d: Draft, tags: string[], line: number): StagedRecord {
  const rec = [line] as unknown as StagedRecord;
  for (let i = 0; i < d.length; i++) {
    const v = d[i] as string | number | boolean | undefined;
    rec.push(v === undefined ? (i === CHANNEL ? 'other' : null) : typeof v === 'boolean' ? (v ? 1 : 0) : v);
  }
  // The same text json_group_array() gives for the stored tags, so the writer compares tags as strings.
  rec.push(JSON.stringify(tags.length < 2 ? tags : [...new Set(tags)].sort()));
  return rec;
}
