/** Converters from a raw cell to a canonical value: dates in a zone, durations, counts, CSAT, booleans. */
import { hash } from 'node:crypto';
import { DateTime } from 'luxon';
import { numericDateParser } from './fast-dates.ts';

type TokenParser = ReturnType<typeof DateTime.buildFormatParser>;

/** Result of a conversion: a value, or the reason the cell was refused. */
export type Converted<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Converted<T> => ({ ok: true, value });
const bad = (reason: string): Converted<never> => ({ ok: false, reason });

/** Parses dates in given luxon formats (then ISO 8601) in one zone; format parsers are built once. */
export class DateReader {
  private readonly parsers: Array<(text: string) => number | null>;

  constructor(
    readonly formats: readonly string[],
    readonly zone: string,
  ) {
    this.parsers = formats.map((f) => numericDateParser(f, zone) ?? luxonParser(f, zone));
  }

  read(text: string): Converted<number> {
    for (const parse of this.parsers) {
      const ms = parse(text);
      if (ms !== null) return ok(ms);
    }
    const iso = DateTime.fromISO(text, { zone: this.zone });
    if (iso.isValid) return ok(iso.toMillis());
    const expected = this.formats.length ? `${this.formats.join(' or ')} or ISO 8601` : 'ISO 8601';
    return bad(`not a date in the expected format (${expected})`);
  }

  /** The same wall-clock time a day later, in this zone (for times of day past midnight). */
  nextDay(ms: number): number {
    return DateTime.fromMillis(ms, { zone: this.zone }).plus({ days: 1 }).toMillis();
  }
}

function luxonParser(format: string, zone: string): (text: string) => number | null {
  const parser: TokenParser = DateTime.buildFormatParser(format, { locale: 'en-US' });
  return (text) => {
    const dt = DateTime.fromFormatParser(text, parser, { zone });
    return dt.isValid ? dt.toMillis() : null;
  };
}

const UNIT_SECONDS = { seconds: 1, minutes: 60, hours: 3600 } as const;
export type Unit = keyof typeof UNIT_SECONDS;

const HMS = /^(\d+):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?$/;

/** A duration in seconds from a number in `unit` or an H:MM[:SS] string; never negative. */
export function readDuration(text: string, unit: Unit): Converted<number> {
  const hms = HMS.exec(text);
  if (hms) return ok(Number(hms[1]) * 3600 + Number(hms[2]) * 60 + Number(hms[3] ?? 0));
  const n = Number(text.replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(n)) return bad(`not a duration (a number of ${unit} or H:MM:SS)`);
  if (n < 0) return bad('a duration cannot be negative');
  return ok(n * UNIT_SECONDS[unit]);
}

/** A count such as replies or reopens: a whole number >= 0 ("3.0" is read as 3). */
export function readCount(text: string): Converted<number> {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < 0) return bad('not a whole number of 0 or more');
  return ok(n);
}

/** CSAT is `good`, `bad` or a score 1..5. */
export function readCsat(text: string): Converted<string> {
  const t = text.trim().toLowerCase();
  if (t === 'good' || t === 'bad') return ok(t);
  const n = Number(t);
  if (Number.isInteger(n) && n >= 1 && n <= 5) return ok(String(n));
  return bad('not a satisfaction value (good, bad or 1..5)');
}

const TRUE = new Set(['true', 'yes', 'y', '1', 't']);
const FALSE = new Set(['false', 'no', 'n', '0', 'f']);

export function readBoolean(text: string): Converted<boolean> {
  const t = text.trim().toLowerCase();
  if (TRUE.has(t)) return ok(true);
  if (FALSE.has(t)) return ok(false);
  return bad('not true or false');
}

/** The stored requester: SHA-256 of the trimmed, lower-cased identity, so raw emails or ids are never kept. */
export function hashRequester(identity: string): string {
  // The one-shot hash() is about three times faster than createHash() for short strings.
  return hash('sha256', identity.trim().toLowerCase(), 'hex');
}
