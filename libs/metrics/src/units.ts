import type { Unit } from '@yardstick/contracts';

/** The values a unit can take: percent 0-100, a 1-5 score, and no negative durations, counts or amounts. */
export const UNIT_RANGES: Record<Unit, { min: number; max: number }> = {
  percent: { min: 0, max: 100 },
  score: { min: 1, max: 5 },
  days: { min: 0, max: Number.POSITIVE_INFINITY },
  hours: { min: 0, max: Number.POSITIVE_INFINITY },
  minutes: { min: 0, max: Number.POSITIVE_INFINITY },
  count: { min: 0, max: Number.POSITIVE_INFINITY },
  currency: { min: 0, max: Number.POSITIVE_INFINITY },
};

/**
 * The range a standard declares for its values, when its unit's usual one does not fit: a 1-7 or 0-10
 * scale, or a percent that may be negative or above 100 (a change, a margin). A null side is unbounded.
 */
export type ValueRange = { min: number | null; max: number | null };

/** The scales a score may be declared on; without a declaration a score is 1-5. */
export const SCORE_SCALES: readonly { min: number; max: number }[] = [
  { min: 1, max: 5 },
  { min: 1, max: 7 },
  { min: 1, max: 10 },
  { min: 0, max: 10 },
];

/** The values a standard's results and targets may take: its declared range, else its unit's. */
export function valueRangeOf(unit: Unit, declared?: ValueRange | null): { min: number; max: number } {
  if (!declared) return UNIT_RANGES[unit];
  return { min: declared.min ?? Number.NEGATIVE_INFINITY, max: declared.max ?? Number.POSITIVE_INFINITY };
}

/** Why a declared range does not fit the unit, or null when it does. */
export function valueRangeProblem(unit: Unit, declared: ValueRange | null | undefined): string | null {
  if (!declared) return null;
  const { min, max } = declared;
  for (const side of [min, max]) {
    if (side !== null && (typeof side !== 'number' || !Number.isFinite(side)))
      return 'min and max must be numbers or null';
  }
  if (min !== null && max !== null && min >= max) return `min (${min}) must be below max (${max})`;
  if (unit === 'score' && !SCORE_SCALES.some((s) => s.min === min && s.max === max)) {
    return `a score is on one of the scales ${SCORE_SCALES.map((s) => `${s.min}-${s.max}`).join(', ')}`;
  }
  return null;
}

/** Why a value cannot be a figure of a standard in this unit (and declared range), or null when it can. */
export function unitValueProblem(unit: Unit, value: number, declared?: ValueRange | null): string | null {
  if (!Number.isFinite(value)) return 'must be a finite number';
  const { min, max } = valueRangeOf(unit, declared);
  if (value < min || value > max) {
    const what = declared ? `this standard's declared range (${rangeText(min, max)})` : `a value in ${unit}`;
    if (max === Number.POSITIVE_INFINITY)
      return min === 0 ? `must not be negative for ${what}` : `must not be below ${min} for ${what}`;
    if (min === Number.NEGATIVE_INFINITY) return `must not be above ${max} for ${what}`;
    return `must be from ${min} to ${max} for ${what}`;
  }
  return null;
}

function rangeText(min: number, max: number): string {
  if (min === Number.NEGATIVE_INFINITY && max === Number.POSITIVE_INFINITY) return 'any value';
  if (min === Number.NEGATIVE_INFINITY) return `up to ${max}`;
  if (max === Number.POSITIVE_INFINITY) return `${min} or more`;
  return `${min} to ${max}`;
}

/** Largest gap allowed between a reported percent and numerator/denominator: one decimal of rounding. */
export const SHARE_TOLERANCE = 0.05;

/** The percent that numerator/denominator make, or null when either is blank or the denominator is 0. */
export function shareOf(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return (numerator / denominator) * 100;
}
