/** Compiles a profile against a file's columns into a function turning one record into a canonical ticket row. */
import type { Channel } from '../schema/channels.ts';
import { compileSource, isUnavailable, sourcesOf, type ColumnResolver, type CompiledSource } from './compile-source.ts';
import { converter, type Draft, type Setter } from './convert-field.ts';
import { ImportFileError, type RowError } from './errors.ts';
import { FIELD_NAMES, REQUIRED_FIELDS, type FieldName, type TicketRow } from './fields.ts';
import type { Profile } from './profile-schema.ts';

export type RowMapper<R> = (row: R, line: number) => TicketRow | RowError[];

interface CompiledField<R> {
  field: FieldName;
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
    const compiled: CompiledField<R> = { field, required: REQUIRED_FIELDS.includes(field), sources: [] };
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
  return (row, line) => mapRow(fields, row, line);
}

function mapRow<R>(fields: CompiledField<R>[], row: R, line: number): TicketRow | RowError[] {
  const draft = emptyDraft();
  let errors: RowError[] | undefined;
  let tags: string[] = [];
  for (const { field, required, sources } of fields) {
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
      else if (r.value !== null) draft[field] = r.value;
      failed = !r.ok;
      break;
    }
    if (required && !failed && draft[field] === undefined) {
      (errors ??= []).push({ line, column: sources[0]?.source.column ?? null, value: null, reason: `no value for ${field}, which every ticket needs` });
    }
  }
  return errors ?? toRow(draft, tags);
}

/** Tags are split on any of the profile's separator characters, and on \u001f (how JSON arrays are read). */
function tagSeparator(chars: string): RegExp {
  return new RegExp(`[${chars.replace(/[\\\]^-]/g, '\\$&')}\\u001f]+`);
}

/** Every field present from the start, so each row's draft has one fixed shape (fast property access). */
function emptyDraft(): Draft {
  return {
    external_id: undefined, created_at: undefined, first_response_at: undefined, solved_at: undefined, channel: undefined,
    status: undefined, type: undefined, priority: undefined, subject: undefined, requester: undefined, assignee: undefined,
    group: undefined, article: undefined, tags: undefined, replies: undefined, reopens: undefined, handle_seconds: undefined,
    wait_seconds: undefined, csat: undefined, abandoned: undefined,
  };
}

// Plain functions, not closures per row: the row loop runs millions of times.
function str(d: Draft, k: FieldName): string | null {
  return (d[k] as string | undefined) ?? null;
}

function num(d: Draft, k: FieldName): number | null {
  return (d[k] as number | undefined) ?? null;
}

function toRow(d: Draft, tags: string[]): TicketRow {
  return {
    externalId: d.external_id as string,
    createdAt: d.created_at as number,
    firstResponseAt: num(d, 'first_response_at'),
    solvedAt: num(d, 'solved_at'),
    status: str(d, 'status'),
    channel: (d.channel as Channel | undefined) ?? 'other',
    type: str(d, 'type'),
    priority: str(d, 'priority'),
    subject: str(d, 'subject'),
    requester: str(d, 'requester'),
    assignee: str(d, 'assignee'),
    group: str(d, 'group'),
    replies: num(d, 'replies'),
    reopens: num(d, 'reopens'),
    csat: str(d, 'csat'),
    handleSeconds: num(d, 'handle_seconds'),
    waitSeconds: num(d, 'wait_seconds'),
    abandoned: (d.abandoned as boolean | undefined) ?? null,
    article: str(d, 'article'),
    tags: tags.length < 2 ? tags : [...new Set(tags)].sort(),
  };
}
