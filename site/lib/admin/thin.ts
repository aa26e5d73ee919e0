/** "Not enough data" for rates in dashboard rows (SPEC 7.5): a rate resting on under 20 in its denominator is not shown. */
import { MIN_SAMPLE } from '../../../db/shared/reports.ts';
import { formatRate } from './format.ts';

/** The rate as text, or "not enough data" when its denominator is under the minimum sample. */
export function sampledText(rate: number | null | undefined, denominator: number): string {
  if (rate === null || rate === undefined) return '–';
  return denominator < MIN_SAMPLE ? 'not enough data' : formatRate(rate);
}

/** True when a rate rests on too few to show. */
export const isThin = (denominator: number) => denominator < MIN_SAMPLE;
