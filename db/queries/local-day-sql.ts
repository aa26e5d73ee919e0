/**
 * A SQL expression for the local day number (days since 1970-01-01 in a zone) of an epoch-ms column, exact
 * across daylight-saving changes: the zone's UTC offsets over the range are found with luxon and written
 * as a CASE, so SQLite can group tickets by local day without handing every row to JavaScript.
 */
import { DateTime } from 'luxon';

const offsetAt = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).offset * 60_000;

/** [from, offset] pieces covering [start, end): each offset holds from its `from` until the next piece. */
export function offsetPieces(start: number, end: number, zone: string): Array<[number, number]> {
  const pieces: Array<[number, number]> = [[start, offsetAt(start, zone)]];
  const step = 6 * 3_600_000;
  for (let t = start; t < end; t += step) {
    const next = Math.min(t + step, end);
    if (offsetAt(next, zone) === pieces[pieces.length - 1]![1]) continue;
    // Binary search the first ms with the new offset.
    let lo = t;
    let hi = next;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid, zone) === pieces[pieces.length - 1]![1]) lo = mid;
      else hi = mid;
    }
    pieces.push([hi, offsetAt(hi, zone)]);
  }
  return pieces;
}

/** `((col + offset) / 86400000)` with the offset chosen per piece; integers only, so SQLite divides exactly. */
export function localDaySql(column: string, start: number, end: number, zone: string): string {
  const pieces = offsetPieces(start, end, zone);
  if (pieces.length === 1) return `((${column} + ${pieces[0]![1]}) / 86400000)`;
  const whens = pieces.slice(1).map(([from], i) => `WHEN ${column} < ${from} THEN ${pieces[i]![1]}`);
  return `((${column} + CASE ${whens.join(' ')} ELSE ${pieces[pieces.length - 1]![1]} END) / 86400000)`;
}
