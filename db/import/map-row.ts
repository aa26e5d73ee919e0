/** Compiles a profile against a file's columns into a function turning one record into a canonical ticket row. */
import type { Channel } from '../schema/tickets.ts';
import { compileSource, isUnavailable, type ColumnResolver, type CompiledSource } from './compile-source.ts';
import { converter, type Draft, type Setter } from './convert-field.ts';
import { ImportFileError, type RowError } from './errors.ts';
import { FIELD_NAMES, REQUIRED_FIELDS, type FieldName, type TicketRow } from './fields.ts';
import { sourcesOf, type Profile } from './profile-schema.ts';

export type RowMapper<R> = (row: R, line: number) => TicketRow | RowError[];

interface CompiledField<R> {
  field: FieldName;
  sources: Array<{ source: CompiledSource<R>; convert: Setter; split: string | undefined }>;
}

/** Checks the file's columns against the profile and returns the row mapper; a missing needed column throws. */
export function compileMapper<R>(profile: Profile, resolve: ColumnResolver<R>, zone: string, label: string, header: string[]): RowMapper<R> {
  const fields: CompiledField<R>[] = [];
  const problems: RowError[] = [];
  for (const field of FIELD_NAMES) {
    const spec = profile.fields[field];
    if (!spec) continue;
    const compiled: CompiledField<R> = { field, sources: [] };
    const missing: string[] = [];
    for (const s of sourcesOf(spec)) {
      const c = compileSource(s, resolve, profile.missing ?? []);
      if (!isUnavailable(c)) compiled.sources.push({ source: c, convert: converter(field, s, profile, zone), split: s.split });
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
  return (row, line) => mapRow(fields, row, line);
}

function mapRow<R>(fields: CompiledField<R>[], row: R, line: number): TicketRow | RowError[] {
  const draft: Draft = {};
  const errors: RowError[] = [];
  const tags: string[] = [];
  for (const { field, sources } of fields) {
    let failed = false;
    for (const { source, convert, split } of sources) {
      const text = source.read(row);
      if (text === null) continue;
      if (field === 'tags') {
        tags.push(...splitTags(text, split ?? ','));
        continue;
      }
      const r = convert(text, draft);
      if (!r.ok) errors.push({ line, column: source.column, value: text, reason: r.reason });
      else if (r.value !== null) draft[field] = r.value;
      failed = !r.ok;
      break;
    }
    if (!failed && draft[field] === undefined && REQUIRED_FIELDS.includes(field)) {
      errors.push({ line, column: sources[0]?.source.column ?? null, value: null, reason: `no value for ${field}, which every ticket needs` });
    }
  }
  if (errors.length) return errors;
  return toRow(draft, tags);
}

const SEP_CACHE = new Map<string, RegExp>();
function splitTags(text: string, chars: string): string[] {
  let re = SEP_CACHE.get(chars);
  if (!re) SEP_CACHE.set(chars, (re = new RegExp(`[${chars.replace(/[\\\]^-]/g, '\\$&')}\\u001f]+`)));
  return text.split(re).map((t) => t.trim()).filter(Boolean);
}

function toRow(d: Draft, tags: string[]): TicketRow {
  const s = (k: FieldName) => (d[k] as string | undefined) ?? null;
  const n = (k: FieldName) => (d[k] as number | undefined) ?? null;
  return {
    externalId: d.external_id as string,
    createdAt: d.created_at as number,
    firstResponseAt: n('first_response_at'),
    solvedAt: n('solved_at'),
    status: s('status'),
    channel: (d.channel as Channel | undefined) ?? 'other',
    type: s('type'),
    priority: s('priority'),
    subject: s('subject'),
    requester: s('requester'),
    assignee: s('assignee'),
    group: s('group'),
    replies: n('replies'),
    reopens: n('reopens'),
    csat: s('csat'),
    handleSeconds: n('handle_seconds'),
    waitSeconds: n('wait_seconds'),
    abandoned: (d.abandoned as boolean | undefined) ?? null,
    article: s('article'),
    tags: [...new Set(tags)].sort(),
  };
}
