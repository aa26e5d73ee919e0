/** Number formatting for the dashboard: counts, rates, durations; a dash for figures that have no value. */

const DASH = '–';
const counts = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const decimals = new Intl.NumberFormat('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

const missing = (v: unknown): v is null | undefined => v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v));

/** 12,345 */
export function formatCount(v: number | null | undefined): string {
  return missing(v) ? DASH : counts.format(v);
}

/** 12.3K for big counts in KPI tiles; exact below 10,000. */
export function formatCompact(v: number | null | undefined): string {
  if (missing(v)) return DASH;
  return Math.abs(v) < 10_000 ? counts.format(v) : compact.format(v);
}

/** A fraction as a percentage: 0.253 -> "25.3%". */
export function formatRate(v: number | null | undefined): string {
  return missing(v) ? DASH : `${decimals.format(v * 100)}%`;
}

/** A ratio with one decimal: 12.34 -> "12.3". */
export function formatRatio(v: number | null | undefined): string {
  return missing(v) ? DASH : decimals.format(v);
}

// A number and its unit never part at the end of a line ("11 min" / "44 s", not "11 min 44" / "s").
const NBSP = '\u00a0';

/** Seconds as "45 s", "3 min 5 s", "2 h 10 min" (with no-break spaces between a number and its unit). */
export function formatSeconds(v: number | null | undefined): string {
  if (missing(v)) return DASH;
  const s = Math.round(v);
  if (s < 60) return `${s}${NBSP}s`;
  if (s < 3600) {
    const rest = s % 60;
    return rest ? `${Math.floor(s / 60)}${NBSP}min ${rest}${NBSP}s` : `${s / 60}${NBSP}min`;
  }
  return formatMinutes(s / 60);
}

/** Minutes as "35 min", "4 h 20 min", "3 d 2 h" (no-break spaces between a number and its unit). */
export function formatMinutes(v: number | null | undefined): string {
  if (missing(v)) return DASH;
  const m = Math.round(v);
  if (m < 60) return `${m}${NBSP}min`;
  if (m < 60 * 24) {
    const rest = m % 60;
    return rest ? `${Math.floor(m / 60)}${NBSP}h ${rest}${NBSP}min` : `${m / 60}${NBSP}h`;
  }
  const days = Math.floor(m / (60 * 24));
  const hours = Math.round((m - days * 60 * 24) / 60);
  return hours ? `${days}${NBSP}d ${hours}${NBSP}h` : `${days}${NBSP}d`;
}

/** A signed change between two rates in percentage points: "+4.2 pt". */
export function formatPointChange(before: number | null | undefined, after: number | null | undefined): string {
  if (missing(before) || missing(after)) return DASH;
  const d = (after - before) * 100;
  return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${decimals.format(Math.abs(d))} pt`;
}

/** A relative change: 0.253 -> "+25%", -0.1 -> "−10%". */
export function formatChange(v: number | null | undefined): string {
  if (missing(v)) return DASH;
  const pct = Math.round(v * 100);
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct)}%`;
}

/** An amount of money in whatever currency KB_COST_PER_TICKET is in: grouped, no symbol ("12,345", "12.50"). */
export function formatMoney(v: number | null | undefined, fractionDigits = 0): string {
  if (missing(v)) return DASH;
  return new Intl.NumberFormat('en', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(v);
}
