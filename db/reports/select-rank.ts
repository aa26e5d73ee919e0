/**
 * Quickselect: the k-th smallest of a Float64Array in linear expected time, for medians and p90s of tens of
 * thousands of durations without sorting them all. Reorders the array in place.
 */

/** Returns the k-th smallest value (0-based) and leaves it at index k, with no larger value before it. */
export function selectRank(a: Float64Array, k: number): number {
  if (k < 0 || k >= a.length) throw new RangeError(`selectRank: no rank ${k} among ${a.length}`);
  let l = 0;
  let r = a.length - 1;
  const swap = (i: number, j: number) => {
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  };
  while (r > l) {
    // Median of three as the pivot, so sorted or reversed input stays linear.
    const m = (l + r) >>> 1;
    if (a[m]! < a[l]!) swap(l, m);
    if (a[r]! < a[l]!) swap(l, r);
    if (a[r]! < a[m]!) swap(m, r);
    const pivot = a[m]!;
    let i = l;
    let j = r;
    // Hoare partition: afterwards a[l..j] <= pivot, a[i..r] >= pivot and anything between equals the pivot.
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) swap(i++, j--);
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return a[k]!;
  }
  return a[k]!;
}
