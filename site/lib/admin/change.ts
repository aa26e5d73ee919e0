/** A KPI's change against the previous period (compare=previous), worded and coloured for a card. */
import { formatChange, formatPointChange } from './format.ts';

export type ChangeKind = 'count' | 'rate';

export interface KpiChange {
  /** "+12%", "−3.1 pt", or a dash when there is nothing to compare with. */
  text: string;
  tone: 'good' | 'bad' | 'muted';
  /** Said in full for a tooltip and screen readers: "was 1,204 from 4 Oct to 31 Oct". */
  title: string;
}

export interface ChangeInput {
  now: number | null | undefined;
  before: number | null | undefined;
  /** How `before` reads: "1,204". */
  beforeText: string;
  /** `rate`: the difference in percentage points; `count` (also ratios, durations, money): relative. */
  kind: ChangeKind;
  /** True when a rise is good news (views, self-service rate); false when a fall is (contacts, response time). */
  upIsGood: boolean;
  /** The previous period, "4 Oct – 31 Oct". */
  period: string;
}

// Under 5% (counts) or 1 point (rates) either way is noise at this scale: shown without colour.
const QUIET = { count: 0.05, rate: 0.01 } as const;

export function kpiChange(c: ChangeInput): KpiChange {
  const title = `previous period (${c.period}): ${c.beforeText}`;
  if (c.now === null || c.now === undefined || c.before === null || c.before === undefined) return { text: '–', tone: 'muted', title };
  if (c.kind === 'rate') {
    const d = c.now - c.before;
    return { text: formatPointChange(c.before, c.now), tone: Math.abs(d) < QUIET.rate ? 'muted' : (d > 0) === c.upIsGood ? 'good' : 'bad', title };
  }
  if (c.before === 0) return { text: c.now === 0 ? '±0%' : 'new', tone: 'muted', title };
  const rel = (c.now - c.before) / c.before;
  return { text: formatChange(rel), tone: Math.abs(rel) < QUIET.count ? 'muted' : (rel > 0) === c.upIsGood ? 'good' : 'bad', title };
}

/** What compare=previous adds to a report. */
export interface Previous<T> {
  from: string;
  to: string;
  totals: T;
}

const day = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** A function that turns one figure of the totals into its card change, against `previous` (undefined without one). */
export function changesAgainst<T>(totals: T, previous: Previous<T> | undefined) {
  const period = previous ? `${day(previous.from)} – ${day(previous.to)}` : '';
  return (pick: (t: T) => number | null | undefined, kind: ChangeKind, upIsGood: boolean, format: (v: number | null | undefined) => string) => {
    if (!previous) return undefined;
    const before = pick(previous.totals);
    return kpiChange({ now: pick(totals), before, beforeText: format(before), kind, upIsGood, period });
  };
}
