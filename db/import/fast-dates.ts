/**
 * A fast path for all-numeric date formats (yyyy-MM-dd HH:mm:ss, d/M/yyyy H:mm, yyMMdd H:mm:ss...): a regex
 * instead of luxon's token parser, which is most of the cost of a big import. Other formats go to luxon.
 */
import { DateTime, Settings } from 'luxon';

const TOKENS: Record<string, string> = {
  yyyy: '(\\d{4})',
  yy: '(\\d{2})',
  MM: '(\\d{2})',
  M: '(\\d{1,2})',
  dd: '(\\d{2})',
  d: '(\\d{1,2})',
  HH: '(\\d{2})',
  H: '(\\d{1,2})',
  mm: '(\\d{2})',
  ss: '(\\d{2})',
};
const SPLIT = /(yyyy|yy|MM|M|dd|d|HH|H|mm|ss)/;
const UTC_ZONES = new Set(['utc', 'etc/utc', 'gmt', 'etc/gmt', 'z']);

/** Returns a parser for the format, or null when the format has anything but numeric tokens and - / : . space T. */
export function numericDateParser(format: string, zone: string): ((text: string) => number | null) | null {
  const parts = format.split(SPLIT).filter(Boolean);
  const order: string[] = [];
  let source = '^';
  for (const p of parts) {
    if (TOKENS[p]) {
      order.push(p[0]!);
      source += TOKENS[p];
    } else if (/^[-/ :.T]+$/.test(p)) source += p.replace(/[.]/g, '\\.');
    else return null;
  }
  if (!order.includes('y') || !order.includes('M') || !order.includes('d')) return null;
  const re = new RegExp(`${source}$`);
  const twoDigit = format.includes('yy') && !format.includes('yyyy');
  const utc = UTC_ZONES.has(zone.toLowerCase());
  return (text) => {
    const m = re.exec(text);
    if (!m) return null;
    const v = { y: 0, M: 1, d: 1, H: 0, m: 0, s: 0 } as Record<string, number>;
    order.forEach((k, i) => (v[k] = Number(m[i + 1])));
    if (twoDigit) v.y = v.y! > Settings.twoDigitCutoffYear ? 1900 + v.y! : 2000 + v.y!;
    const { y, M, d, H, m: min, s } = v as { y: number; M: number; d: number; H: number; m: number; s: number };
    if (M < 1 || M > 12 || d < 1 || d > 31 || H > 23 || min > 59 || s > 59) return null;
    if (utc) {
      const ms = Date.UTC(y, M - 1, d, H, min, s);
      return new Date(ms).getUTCDate() === d ? ms : null; // 31 April and the like
    }
    const dt = DateTime.fromObject({ year: y, month: M, day: d, hour: H, minute: min, second: s }, { zone });
    return dt.isValid ? dt.toMillis() : null;
  };
}
