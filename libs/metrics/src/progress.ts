// Progress, gaps and trends. Every function takes blanks (null) and returns null rather than
// reading a blank as 0; non-finite numbers throw RangeError.
import type { Direction } from '@yardstick/contracts';

/**
 * (current - baseline) / (target - baseline): 0 at the baseline, 1 at the target. Not clamped, so
 * it is above 1 past the target and negative when moving away. Null when an input is blank or the
 * target equals the baseline (there is no distance to cover).
 */
export function progressToTarget(
  current: number | null,
  baseline: number | null,
  target: number | null,
): number | null {
  if (current === null || baseline === null || target === null) return null;
  assertFinite({ Current: current, Baseline: baseline, Target: target });
  if (target === baseline) return null;
  return noNegativeZero((current - baseline) / (target - baseline));
}

/**
 * How much better than the benchmark the value is, in the measure's unit: positive is better,
 * negative worse, whatever the direction. Null when blank, and for within_range (a range has no
 * better side).
 */
export function gapToBenchmark(value: number | null, benchmark: number | null, direction: Direction): number | null {
  if (value === null || benchmark === null) return null;
  assertFinite({ Value: value, Benchmark: benchmark });
  switch (direction) {
    case 'higher_is_better':
      return noNegativeZero(value - benchmark);
    case 'lower_is_better':
      return noNegativeZero(benchmark - value);
    case 'within_range':
      return null;
    default:
      throw new RangeError(`Unknown direction ${JSON.stringify(direction satisfies never)}`);
  }
}

/** Change from the previous period; `relative` is a fraction of the previous value's size. */
export type Change = { absolute: number; relative: number | null };

/**
 * Null when either value is blank. `relative` is null when the previous value is 0, and is taken
 * against |previous| so its sign always matches `absolute`.
 */
export function changeFromPrevious(current: number | null, previous: number | null): Change | null {
  if (current === null || previous === null) return null;
  assertFinite({ Current: current, Previous: previous });
  const absolute = noNegativeZero(current - previous);
  return { absolute, relative: previous === 0 ? null : noNegativeZero(absolute / Math.abs(previous)) };
}

export const TREND_DIRECTIONS = ['improving', 'worsening', 'steady', 'insufficient_data'] as const;
export type TrendDirection = (typeof TREND_DIRECTIONS)[number];

/** `slope` is the least-squares change per period, null with fewer than TREND_MIN_POINTS known values. */
export type Trend = { slope: number | null; direction: TrendDirection };

export const TREND_MIN_POINTS = 3;

/**
 * A slope counts as steady when its size is at most this fraction of the mean absolute value
 * per period (0.5%): a satisfaction score moving 0.01 a quarter around 4.2 is steady.
 */
export const TREND_STEADY_FRACTION = 0.005;

/**
 * Least-squares trend of a series, oldest first, one entry per period. Blanks are skipped but keep
 * their place, so the slope is per period even with gaps. For within_range, pass the range: the
 * direction then follows the distance outside it (lower is better), while `slope` stays the
 * slope of the values themselves.
 */
export function trend(
  values: readonly (number | null)[],
  direction: Direction,
  range?: { min: number; max: number },
): Trend {
  const points: [number, number][] = [];
  values.forEach((y, x) => {
    if (y === null) return;
    assertFinite({ [`Value ${x + 1}`]: y });
    points.push([x, y]);
  });
  if (direction === 'within_range') {
    if (range === undefined) throw new RangeError('A within_range trend needs the target range');
    assertFinite({ 'Range min': range.min, 'Range max': range.max });
    if (range.min > range.max) throw new RangeError(`Range min ${range.min} is greater than its max ${range.max}`);
  }
  if (points.length < TREND_MIN_POINTS) return { slope: null, direction: 'insufficient_data' };

  const slope = leastSquaresSlope(points);
  const threshold = TREND_STEADY_FRACTION * (points.reduce((sum, [, y]) => sum + Math.abs(y), 0) / points.length);
  // Improvement per period: positive is better.
  let gain: number;
  switch (direction) {
    case 'higher_is_better':
      gain = slope;
      break;
    case 'lower_is_better':
      gain = -slope;
      break;
    case 'within_range': {
      const { min, max } = range ?? { min: -Infinity, max: Infinity };
      gain = -leastSquaresSlope(points.map(([x, y]) => [x, y < min ? min - y : y > max ? y - max : 0]));
      break;
    }
    default:
      throw new RangeError(`Unknown direction ${JSON.stringify(direction satisfies never)}`);
  }
  if (Math.abs(gain) <= threshold) return { slope, direction: 'steady' };
  return { slope, direction: gain > 0 ? 'improving' : 'worsening' };
}

function leastSquaresSlope(points: readonly [number, number][]): number {
  const n = points.length;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
  }
  return noNegativeZero(sxy / sxx);
}

function assertFinite(values: Record<string, number>): void {
  for (const [name, n] of Object.entries(values)) {
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new RangeError(`${name} must be a finite number, got ${n}`);
  }
}

function noNegativeZero(n: number): number {
  return n === 0 ? 0 : n;
}
