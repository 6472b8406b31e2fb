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

/** Why a value cannot be in this unit, or null when it can. */
export function unitValueProblem(unit: Unit, value: number): string | null {
  if (!Number.isFinite(value)) return 'must be a finite number';
  const { min, max } = UNIT_RANGES[unit];
  if (value < min || value > max) {
    return max === Number.POSITIVE_INFINITY
      ? `must not be negative for a value in ${unit}`
      : `must be from ${min} to ${max} for a value in ${unit}`;
  }
  return null;
}

/** Largest gap allowed between a reported percent and numerator/denominator: one decimal of rounding. */
export const SHARE_TOLERANCE = 0.05;

/** The percent that numerator/denominator make, or null when either is blank or the denominator is 0. */
export function shareOf(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return (numerator / denominator) * 100;
}
