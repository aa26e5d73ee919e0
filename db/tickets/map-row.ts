/**
 * Compiles a profile against a file's columns into a function turning one record into a canonical ticket row,
 * in the form staging stores (a StagedRecord), or its errors.
 */
import { compileSource, isUnavailable, sourcesOf, type ColumnResolver, type CompiledSource } from './compile-source.ts';
import { converter, Refusal, type Draft, type Setter } from './convert-field.ts';
import { ImportFileError, type RowError } from './errors.ts';
import { FIELD_NAMES, FUTURE_SLACK_MS, MAX_TAGS, REQUIRED_FIELDS, STORED_FIELDS, TAG_LIMIT, TEXT_LIMITS, slotOf, type FieldName } from './ticket-fields.ts';
import type { Profile } from './profile-schema.ts';
import { REFUSED, type StagedRecord, type WireRecord } from './worker-protocol.ts';

/** A mapped row, or REFUSED with its errors. */
export type RowMapper<R> = (row: R, line: number) => WireRecord;

interface CompiledField<R> {
  field: FieldName;
  /** Where the value goes in the draft; -1 for tags. */
  slot: number;
  required: boolean;
  /** The field's longest text (TEXT_LIMITS), Infinity when it has none. */
  limit: number;
  sources: Array<{ source: CompiledSource<R>; convert: Setter; split: RegExp }>;
}

/** Checks the file's columns against the profile and returns the row mapper; a missing needed column throws. */
export function compileMapper<R>(profile: Profile, resolve: ColumnResolver<R>, zone: string, label: string, header: string[]): RowMapper<R> {
  const fields: CompiledField<R>[] = [];
  const problems: RowError[] = [];
  for (const field of FIELD_NAMES) {
    const spec = profile.fields[field];
    if (!spec) continue;
    const compiled: CompiledField<R> = { field, slot: slotOf(field), required: REQUIRED_FIELDS.includes(field), limit: TEXT_LIMITS[field] ?? Infinity, sources: [] };
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
    const name = (h: string) => (h.length > 60 ? `${h.slice(0, 60)}…` : h);
    const shown = header.slice(0, 12).map((h) => `"${name(h)}"`).join(', ') + (header.length > 12 ? ', …' : '');
    const hint = header.length === 1 ? ' Only one column was found: is the file separated by , ; or tab?' : '';
    const msg = `${problems.map((p) => p.reason).join('; ')}. The file's header has ${shown}.${hint}`;
    throw new ImportFileError(msg.charAt(0).toUpperCase() + msg.slice(1), problems);
  }
  // One draft reused row after row (mapping is synchronous and the record copies the values out).
  const draft: Draft = STORED_FIELDS.map(() => undefined);
  const seen: Seen = { columns: STORED_FIELDS.map(() => null), texts: STORED_FIELDS.map(() => null) };
  const latest = Date.now() + FUTURE_SLACK_MS;
  return (row, line) => mapRow(fields, draft, seen, latest, row, line);
}

/** Where each stored value of the row being mapped came from (column and text), for the checks across fields. */
interface Seen {
  columns: Array<string | null>;
  texts: Array<string | null>;
}

function mapRow<R>(fields: CompiledField<R>[], draft: Draft, seen: Seen, latest: number, row: R, line: number): WireRecord {
  draft.fill(undefined);
  let errors: RowError[] | undefined;
  const tags: string[] = [];
  for (const { field, slot, required, limit, sources } of fields) {
    let failed = false;
    for (const { source, convert, split } of sources) {
      const text = source.read(row);
      if (text === null) continue;
      if (field === 'tags') {
        const long = addTags(tags, text, split);
        if (long !== undefined) (errors ??= []).push({ line, column: source.column, value: long, reason: `a tag of ${long.length} characters; tags are at most ${TAG_LIMIT}` });
        continue;
      }
      const v = text.length > limit ? tooLong(text, limit) : convert(text, draft);
      failed = v instanceof Refusal;
      if (failed) (errors ??= []).push({ line, column: source.column, value: text, reason: (v as Refusal).reason });
      else if (v !== null) {
        draft[slot] = v;
        seen.columns[slot] = source.column;
        seen.texts[slot] = text;
      }
      break;
    }
    if (required && !failed && draft[slot] === undefined) {
      (errors ??= []).push({ line, column: sources[0]?.source.column ?? null, value: null, reason: `no value for ${field}, which every ticket needs` });
    }
  }
  if (tags.length > MAX_TAGS) (errors ??= []).push({ line, column: null, value: null, reason: `${tags.length} tags; a ticket has at most ${MAX_TAGS}` });
  if (!errors) errors = checkTimes(draft, seen, latest, line);
  return errors ? [line, REFUSED, ...errors] : toRecord(draft, tags, line);
}

const tooLong = (text: string, limit: number) => new Refusal(`${text.length.toLocaleString('en')} characters; at most ${limit.toLocaleString('en')}`);

/** Adds the non-empty tags of `text` to `tags`; returns the first one over TAG_LIMIT, if any. */
function addTags(tags: string[], text: string, split: RegExp): string | undefined {
  let long: string | undefined;
  for (const part of text.split(split)) {
    const tag = part.trim();
    if (!tag) continue;
    if (long === undefined && tag.length > TAG_LIMIT) long = tag;
    tags.push(tag);
  }
  return long;
}

const CREATED = slotOf('created_at');
const TIMES = [slotOf('first_response_at'), slotOf('solved_at')];

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** A first response or a solve before the ticket was created, or any time in the future, makes the row bad. */
function checkTimes(draft: Draft, seen: Seen, latest: number, line: number): RowError[] | undefined {
  let errors: RowError[] | undefined;
  const created = draft[CREATED] as number | undefined;
  if (created !== undefined && created > latest) errors = timeError(errors, seen, CREATED, line, `lies in the future (${iso(created)})`);
  for (const slot of TIMES) {
    const t = draft[slot] as number | undefined;
    if (t === undefined) continue;
    if (created !== undefined && t < created) errors = timeError(errors, seen, slot, line, `${STORED_FIELDS[slot]} ${iso(t)} is before created_at ${iso(created)}`);
    else if (t > latest) errors = timeError(errors, seen, slot, line, `lies in the future (${iso(t)})`);
  }
  return errors;
}

/** Adds the error of a time in `slot` (no closures per row: this runs for every row of a big file). */
function timeError(errors: RowError[] | undefined, seen: Seen, slot: number, line: number, reason: string): RowError[] {
  (errors ??= []).push({ line, column: seen.columns[slot] ?? STORED_FIELDS[slot]!, value: seen.texts[slot] ?? null, reason });
  return errors;
}

/** Tags are split on any of the profile's separator characters, and on \u001f (how JSON arrays are read). */
function tagSeparator(chars: string): RegExp {
  return new RegExp(`[${chars.replace(/[\\\]^-]/g, '\\$&')}\\u001f]+`);
}

const CHANNEL = slotOf('channel');

/** [line, ...stored values (missing as null, booleans as 0/1, channel `other` when unknown), tags as JSON]. */
function toRecord(d: Draft, tags: string[], line: number): StagedRecord {
  const rec = new Array(d.length + 2) as unknown as StagedRecord;
  rec[0] = line;
  for (let i = 0; i < d.length; i++) {
    const v = d[i] as string | number | boolean | undefined;
    rec[i + 1] = v === undefined ? (i === CHANNEL ? 'other' : null) : typeof v === 'boolean' ? (v ? 1 : 0) : v;
  }
  // The same text json_group_array() gives for the stored tags, so the writer compares tags as strings.
  rec[d.length + 1] = JSON.stringify(tags.length < 2 ? tags : uniqueSorted(tags));
  return rec;
}

/** The tags sorted (as Array.prototype.sort does), each once: sorted in place, then repeats dropped. */
function uniqueSorted(tags: string[]): string[] {
  tags.sort();
  let n = 1;
  for (let i = 1; i < tags.length; i++) if (tags[i] !== tags[n - 1]) tags[n++] = tags[i]!;
  tags.length = n;
  return tags;
}
