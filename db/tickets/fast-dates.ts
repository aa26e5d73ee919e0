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
  const order: Array<'y' | 'M' | 'd' | 'H' | 'm' | 's'> = [];
  let source = '^';
  for (const p of parts) {
    if (TOKENS[p]) {
      order.push(p[0] as (typeof order)[number]);
      source += TOKENS[p];
    } else if (/^[-/ :.T]+$/.test(p)) source += p.replace(/[.]/g, '\\.');
    else return null;
  }
  if (!order.includes('y') || !order.includes('M') || !order.includes('d')) return null;
  const re = new RegExp(`${source}$`);
  const twoDigit = format.includes('yy') && !format.includes('yyyy');
  const utc = UTC_ZONES.has(zone.toLowerCase());
  // Group number of each part (0 = absent), so a parse reads the match without building objects.
  const at = (k: (typeof order)[number]) => order.indexOf(k) + 1;
  const [iy, iM, id, iH, im, is] = [at('y'), at('M'), at('d'), at('H'), at('m'), at('s')];
  return (text) => {
    const g = re.exec(text);
    if (!g) return null;
    let y = +g[iy]!;
    const M = +g[iM]!;
    const d = +g[id]!;
    const H = iH ? +g[iH]! : 0;
    const min = im ? +g[im]! : 0;
    const s = is ? +g[is]! : 0;
    if (twoDigit) y = y > Settings.twoDigitCutoffYear ? 1900 + y : 2000 + y;
    if (M < 1 || M > 12 || d < 1 || d > 31 || H > 23 || min > 59 || s > 59) return null;
    if (utc) {
      const ms = Date.UTC(y, M - 1, d, H, min, s);
      return new Date(ms).getUTCDate() === d ? ms : null; // 31 April and the like
    }
    const dt = DateTime.fromObject({ year: y, month: M, day: d, hour: H, minute: min, second: s }, { zone });
    return dt.isValid ? dt.toMillis() : null;
  };
}
