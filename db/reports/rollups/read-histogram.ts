/**
 * A histogram of engaged seconds (seconds -> page views) packed in a blob, as article_read_days stores it:
 * ascending values as unsigned LEB128 varints of the gap from the previous value, each followed by its count.
 * Only non-zero counts are written, so the same histogram always packs to the same bytes (a rebuild and the
 * incremental path give equal rows).
 */

/** seconds -> page views. */
export type Counts = Map<number, number>;

function pushVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

/** Packs counts; throws on a negative count or a value that is not a whole number of seconds (a rollup bug). */
export function encodeHistogram(counts: Counts): Buffer {
  const out: number[] = [];
  let last = 0;
  for (const value of [...counts.keys()].sort((a, b) => a - b)) {
    const n = counts.get(value)!;
    if (n === 0) continue;
    if (n < 0 || !Number.isSafeInteger(n) || !Number.isSafeInteger(value) || value < 0) {
      throw new Error(`Read-time histogram: cannot store ${n} page views at ${value} seconds`);
    }
    pushVarint(out, value - last);
    pushVarint(out, n);
    last = value;
  }
  return Buffer.from(out);
}

/** Calls `visit(seconds, views)` for each entry of a packed histogram, in ascending seconds. */
export function decodeHistogram(blob: Uint8Array, visit: (value: number, count: number) => void): void {
  let i = 0;
  let value = 0;
  const varint = () => {
    let n = 0;
    let scale = 1;
    for (;;) {
      const b = blob[i++]!;
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
    }
  };
  while (i < blob.length) {
    value += varint();
    visit(value, varint());
  }
}

/** Unpacks into a map (e.g. to apply changes and pack again). */
export function histogramCounts(blob: Uint8Array | undefined): Counts {
  const counts: Counts = new Map();
  if (blob) decodeHistogram(blob, (v, n) => counts.set(v, n));
  return counts;
}
