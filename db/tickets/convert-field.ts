/** Turns one source's raw text into a canonical value for its field (dates, durations, counts, channel...). */
import { CHANNELS, type Channel } from '../shared/ticket-channels.ts';
import { slotOf, type FieldName } from './ticket-fields.ts';
import type { Profile, SourceSpec } from './profile-schema.ts';
import { DateReader, hashRequester, readBoolean, readCount, readCsat, readDuration, type Converted } from './values.ts';

/** Date formats tried when neither the source nor the profile names any. */
const DEFAULT_DATE_FORMATS = ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm', 'yyyy-MM-dd'];
const CHANNEL_SET = new Set<string>(CHANNELS);

/** The values of the row being mapped, by slot (slotOf); undefined until set. */
export type Draft = unknown[];
export type Setter = (text: string, draft: Draft) => Converted<unknown>;

/** Builds the converter for one source of one field. */
export function converter(field: FieldName, spec: SourceSpec, profile: Profile, zone: string): Setter {
  const asIs: Setter = (t) => ({ ok: true, value: t });
  switch (field) {
    case 'created_at':
    case 'first_response_at':
    case 'solved_at': {
      if (spec.duration) {
        const unit = spec.duration;
        const from = slotOf(spec.from ?? 'created_at');
        return (t, d) => {
          const base = d[from] as number | null | undefined;
          const secs = readDuration(t, unit);
          if (!secs.ok || base === null || base === undefined) return secs.ok ? { ok: true, value: null } : secs;
          return { ok: true, value: base + Math.round(secs.value * 1000) };
        };
      }
      const dates = new DateReader(spec.formats ?? profile.dateFormats ?? DEFAULT_DATE_FORMATS, zone);
      if (!spec.rollover || field === 'created_at') return (t) => dates.read(t);
      const createdAt = slotOf('created_at');
      return (t, d) => {
        const r = dates.read(t);
        const created = d[createdAt] as number | undefined;
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

