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

/** What a setter returns for a text it refuses. */
export class Refusal {
  constructor(readonly reason: string) {}
}

/**
 * Turns a cell's text into its value: the value, null for none, or a Refusal. Plain values, not Converted objects: a
 * setter runs for every cell of a big file, and only a refused cell needs an object.
 */
export type Setter = (text: string, draft: Draft) => unknown;

const valueOf = <T>(r: Converted<T>): T | Refusal => (r.ok ? r.value : new Refusal(r.reason));

/** Builds the converter for one source of one field. */
export function converter(field: FieldName, spec: SourceSpec, profile: Profile, zone: string): Setter {
  const asIs: Setter = (t) => t;
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
          if (!secs.ok) return new Refusal(secs.reason);
          return base === null || base === undefined ? null : base + Math.round(secs.value * 1000);
        };
      }
      const dates = new DateReader(spec.formats ?? profile.dateFormats ?? DEFAULT_DATE_FORMATS, zone);
      if (!spec.rollover || field === 'created_at') return (t) => valueOf(dates.read(t));
      const createdAt = slotOf('created_at');
      return (t, d) => {
        const r = dates.read(t);
        const created = d[createdAt] as number | undefined;
        if (!r.ok) return new Refusal(r.reason);
        return created !== undefined && r.value < created ? dates.nextDay(r.value) : r.value;
      };
    }
    case 'channel':
      return (t) => {
        const c = t.toLowerCase();
        return (CHANNEL_SET.has(c) ? c : 'other') as Channel;
      };
    case 'replies':
    case 'reopens':
      return (t) => valueOf(readCount(t));
    case 'handle_seconds':
    case 'wait_seconds': {
      const unit = spec.unit ?? 'seconds';
      return (t) => {
        const r = readDuration(t, unit);
        return r.ok ? Math.round(r.value) : new Refusal(r.reason);
      };
    }
    case 'csat':
      return (t) => valueOf(readCsat(t));
    case 'abandoned':
      return (t) => valueOf(readBoolean(t));
    case 'requester':
      return (t) => hashRequester(t);
    default:
      return asIs;
  }
}
