// The margin of error of a result measured on a sample (a survey, or cases drawn for review): the 95% Wilson
// interval of its share, and whether a missed target lies inside it. A result without a sample size is a count
// of every case (no sampling error), so it has no interval.
import type { Direction, TargetStatus, Unit } from '@yardstick/contracts';
import { DEFAULT_CONFIDENCE, wilsonInterval, withinMarginOfError, type Interval } from './survey.js';
import type { Target } from './target-status.js';

export type SampledResult = {
  unit: Unit;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
};

/**
 * The interval of a sampled percent result, in percent (0-100), or null: no sample size, a blank value, or a
 * unit other than percent (a mean score's interval needs the spread of the answers, which a result does not keep).
 * The successes are the numerator when the counts are the sample's, else the value's share of the sample, rounded.
 */
export function resultInterval(result: SampledResult, confidence = DEFAULT_CONFIDENCE): Interval | null {
  const { unit, value, numerator, denominator, sampleSize } = result;
  if (unit !== 'percent' || value === null || sampleSize === null) return null;
  if (!Number.isInteger(sampleSize) || sampleSize <= 0 || !Number.isFinite(value) || value < 0 || value > 100) {
    return null;
  }
  const successes =
    numerator !== null && denominator === sampleSize && Number.isInteger(numerator) && numerator <= sampleSize
      ? numerator
      : Math.round((value / 100) * sampleSize);
  const interval = wilsonInterval(successes, sampleSize, confidence);
  if (interval === null) return null;
  // The interval holds the value as given (a rounded share may sit just outside the bounds of its counts).
  return { lower: Math.min(interval.lower * 100, value), upper: Math.max(interval.upper * 100, value) };
}

/**
 * True when a missed target (near or not met) is within the margin of error: the target, or some point of a
 * target range, lies inside the result's interval, so the sample cannot tell the result apart from the target.
 */
export function missWithinMargin(
  status: TargetStatus,
  interval: Interval | null,
  target: Target | null,
  direction: Direction,
): boolean {
  if ((status !== 'near' && status !== 'not_met') || interval === null || target === null) return false;
  if (direction === 'within_range' || !('value' in target)) {
    if (!('min' in target)) return false;
    return interval.lower <= target.max && target.min <= interval.upper;
  }
  return withinMarginOfError(interval, target.value);
}
