/** Compiles a profile against a file's columns into a function turning one record into a canonical ticket row. */
import { CHANNELS, type Channel } from '../schema/tickets.ts';
import { compileSource, isUnavailable, type ColumnResolver, type CompiledSource } from './compile-source.ts';
import { ImportFileError, type RowError } from './errors.ts';
import { FIELD_NAMES, REQUIRED_FIELDS, type FieldName, type TicketRow } from './fields.ts';
import { sourcesOf, type Profile, type SourceSpec } from './profile-schema.ts';
import { DateReader, hashRequester, readBoolean, readCount, readCsat, readDuration, type Converted } from './values.ts';

/** Date formats tried when neither the source nor the profile names any. */
const DEFAULT_DATE_FORMATS = ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm', 'yyyy-MM-dd'];
const CHANNEL_SET = new Set<string>(CHANNELS);

export type RowMapper<R> = (row: R, line: number) => TicketRow | RowError[];

type Draft = Partial<Record<FieldName, unknown>>;
type Setter = (text: string, draft: Draft) => Converted<unknown>;

/** Builds the converter for one source of one field. */
function converter(field: FieldName, spec: SourceSpec, profile: Profile, zone: string): Setter {
  const asIs: Setter = (t) => ({ ok: true, value: t });
  switch (field) {
    case 'created_at':
    case 'first_response_at':
    case 'solved_at': {
      if (spec.duration) {
        const unit = spec.duration;
        const from = spec.from ?? 'created_at';
        return (t, d) => {
          const base = d[from] as number | null | undefined;
          const secs = readDuration(t, unit);
          if (!secs.ok || base === null || base === undefined) return secs.ok ? { ok: true, value: null } : secs;
          return { ok: true, value: base + Math.round(secs.value * 1000) };
        };
      }
      const dates = new DateReader(spec.formats ?? profile.dateFormats ?? DEFAULT_DATE_FORMATS, zone);
      if (!spec.rollover || field === 'created_at') return (t) => dates.read(t);
      return (t, d) => {
        const r = dates.read(t);
        const created = d.created_at as number | undefined;
        return r.ok && created !== undefined && r.value < created ? { ok: true, value: dates.nextDay(r.value) } : r;
      };
    }
    case 'channel':
      return (t) => {
        const c = t.toLowerCase();
        return { ok: true, value: (CHANNEL_SET.has(c) ? c : 'other') as Channel };
      };
    case 'replies':
    case 'reopens':
      return (t) => readCount(t);
    case 'handle_seconds':
    case 'wait_seconds': {
      const unit = spec.unit ?? 'seconds';
      return (t) => {
        const r = readDuration(t, unit);
        return r.ok ? { ok: true, value: Math.round(r.value) } : r;
      };
    }
    case 'csat':
      return (t) => readCsat(t);
    case 'abandoned':
      return (t) => readBoolean(t);
    case 'requester':
      return (t) => ({ ok: true, value: hashRequester(t) });
    default:
      return asIs;
  }
}

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
    let column = '';
    let failed = false;
    for (const { source, convert, split } of sources) {
      const raw = source.read(row);
      column ||= raw.column;
      if (raw.text === null) continue;
      if (field === 'tags') {
        tags.push(...splitTags(raw.text, split ?? ','));
        continue;
      }
      const r = convert(raw.text, draft);
      if (!r.ok) errors.push({ line, column: raw.column, value: raw.text, reason: r.reason });
      else if (r.value !== null) draft[field] = r.value;
      failed = !r.ok;
      break;
    }
    if (!failed && draft[field] === undefined && REQUIRED_FIELDS.includes(field)) {
      errors.push({ line, column, value: null, reason: `no value for ${field}, which every ticket needs` });
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
