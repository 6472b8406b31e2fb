import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { changeFromPrevious, gapToBenchmark, progressToTarget, trend, TREND_STEADY_FRACTION } from './progress.js';

describe('progressToTarget', () => {
  it('measures the distance covered from baseline to target', () => {
    // Baseline 70% processed on time, target 90%, now 85%: three quarters of the way.
    expect(progressToTarget(85, 70, 90)).toBe(0.75);
    // Lower is better works the same way: wait from 30 to 10 minutes, now 25.
    expect(progressToTarget(25, 30, 10)).toBe(0.25);
    expect(progressToTarget(95, 70, 90)).toBe(1.25);
    expect(progressToTarget(60, 70, 90)).toBe(-0.5);
  });

  it('is null when an input is blank or there is no distance to cover', () => {
    expect(progressToTarget(null, 70, 90)).toBeNull();
    expect(progressToTarget(85, null, 90)).toBeNull();
    expect(progressToTarget(85, 70, null)).toBeNull();
    expect(progressToTarget(85, 90, 90)).toBeNull();
    // A real 0 is a value.
    expect(progressToTarget(0, 10, 0)).toBe(1);
  });

  it('rejects non-finite numbers', () => {
    expect(() => progressToTarget(NaN, 1, 2)).toThrow(RangeError);
    expect(() => progressToTarget(1, 1, Infinity)).toThrow(/Target must be a finite number/);
  });
});

describe('gapToBenchmark', () => {
  it('is positive when better than the benchmark', () => {
    // Satisfaction 78 against an industry index of 74: 4 better.
    expect(gapToBenchmark(78, 74, 'higher_is_better')).toBe(4);
    expect(gapToBenchmark(70, 74, 'higher_is_better')).toBe(-4);
    // Delivery in 3 days against a carrier's 2: a day worse.
    expect(gapToBenchmark(3, 2, 'lower_is_better')).toBe(-1);
    expect(gapToBenchmark(1.5, 2, 'lower_is_better')).toBe(0.5);
    expect(Object.is(gapToBenchmark(2, 2, 'lower_is_better'), 0)).toBe(true);
  });

  it('is null when blank or for a range', () => {
    expect(gapToBenchmark(null, 74, 'higher_is_better')).toBeNull();
    expect(gapToBenchmark(78, null, 'lower_is_better')).toBeNull();
    expect(gapToBenchmark(5, 5, 'within_range')).toBeNull();
  });
});

describe('changeFromPrevious', () => {
  it('gives the absolute and relative change', () => {
    expect(changeFromPrevious(110, 100)).toEqual({ absolute: 10, relative: 0.1 });
    expect(changeFromPrevious(90, 100)).toEqual({ absolute: -10, relative: -0.1 });
    expect(changeFromPrevious(100, 100)).toEqual({ absolute: 0, relative: 0 });
  });

  it('takes the relative change against the size of a negative previous value', () => {
    expect(changeFromPrevious(-5, -10)).toEqual({ absolute: 5, relative: 0.5 });
  });

  it('has no relative change from 0, and nothing from a blank', () => {
    expect(changeFromPrevious(5, 0)).toEqual({ absolute: 5, relative: null });
    expect(changeFromPrevious(null, 0)).toBeNull();
    expect(changeFromPrevious(5, null)).toBeNull();
  });
});

describe('trend', () => {
  it('fits a least-squares slope per period', () => {
    expect(trend([70, 72, 74, 76], 'higher_is_better')).toEqual({ slope: 2, direction: 'improving' });
    expect(trend([70, 72, 74, 76], 'lower_is_better')).toEqual({ slope: 2, direction: 'worsening' });
    expect(trend([30, 28, 27, 25], 'lower_is_better')).toEqual({ slope: -1.6, direction: 'improving' });
  });

  it('keeps blanks in their place, so the slope stays per period', () => {
    // Known at periods 0, 1 and 4: slope 2 per period, not per known point.
    expect(trend([10, 12, null, null, 18], 'higher_is_better')).toEqual({ slope: 2, direction: 'improving' });
  });

  it('needs three known values', () => {
    expect(trend([], 'higher_is_better')).toEqual({ slope: null, direction: 'insufficient_data' });
    expect(trend([1, null, 3, null], 'higher_is_better')).toEqual({ slope: null, direction: 'insufficient_data' });
  });

  it('calls a slope within 0.5% of the mean level steady', () => {
    // Around 4.2 on a 1-5 scale, 0.005 * 4.2 = 0.021 per period.
    expect(trend([4.2, 4.22, 4.24], 'higher_is_better').direction).toBe('steady');
    expect(trend([4.2, 4.25, 4.3], 'higher_is_better').direction).toBe('improving');
    expect(trend([0, 0, 0], 'higher_is_better')).toEqual({ slope: 0, direction: 'steady' });
  });

  it('judges a within_range series by its distance outside the range', () => {
    const range = { min: 4, max: 6 };
    expect(trend([1, 2, 3], 'within_range', range)).toEqual({ slope: 1, direction: 'improving' });
    expect(trend([9, 8, 7], 'within_range', range)).toEqual({ slope: -1, direction: 'improving' });
    expect(trend([7, 8, 9], 'within_range', range)).toEqual({ slope: 1, direction: 'worsening' });
    expect(trend([4, 5, 6], 'within_range', range)).toEqual({ slope: 1, direction: 'steady' });
  });

  it('rejects a within_range trend without a valid range, and non-finite values', () => {
    expect(() => trend([1, 2, 3], 'within_range')).toThrow(RangeError);
    expect(() => trend([1, 2, 3], 'within_range', { min: 5, max: 1 })).toThrow(RangeError);
    expect(() => trend([1, NaN, 3], 'higher_is_better')).toThrow(/Value 2 must be a finite number/);
  });
});

const num = fc.double({ min: -1e6, max: 1e6, noNaN: true });

describe('progress properties', () => {
  it('is 0 at the baseline and 1 at the target', () => {
    fc.assert(
      fc.property(num, num, (baseline, target) => {
        fc.pre(baseline !== target);
        expect(progressToTarget(baseline, baseline, target)).toBe(0);
        expect(progressToTarget(target, baseline, target)).toBe(1);
      }),
    );
  });

  it('gap is antisymmetric between the directions and swaps sign with the benchmark', () => {
    fc.assert(
      fc.property(num, num, (value, benchmark) => {
        const higher = gapToBenchmark(value, benchmark, 'higher_is_better')!;
        expect(gapToBenchmark(value, benchmark, 'lower_is_better')).toBe(-higher || 0);
        expect(gapToBenchmark(benchmark, value, 'higher_is_better')).toBe(-higher || 0);
      }),
    );
  });

  it('change: previous + absolute = current, and relative has the sign of absolute', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e6, max: 1e6 }), (current, previous) => {
        const change = changeFromPrevious(current, previous)!;
        expect(previous + change.absolute).toBe(current);
        if (previous === 0) expect(change.relative).toBeNull();
        else expect(Math.sign(change.relative!)).toBe(Math.sign(change.absolute));
      }),
    );
  });
});

/**
 * A rising series with some blanks, whose every step is at least a fifth of its scale `L` while
 * its values stay within 13 L: the slope is then far above the steady threshold (0.5% of 13 L).
 */
const risingSeries = fc
  .tuple(
    fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
    fc.double({ min: -1, max: 1, noNaN: true }),
    fc.array(fc.double({ min: 0.2, max: 1, noNaN: true }), { minLength: 2, maxLength: 12 }),
    fc.array(fc.boolean(), { minLength: 13, maxLength: 13 }),
  )
  .map(([scale, start, steps, keep]) => {
    const values = [scale * start];
    for (const step of steps) values.push(values.at(-1)! + scale * step);
    // Blank some values out, but keep at least three.
    const blanked = values.map((v, i) => (keep[i] ? v : null));
    return blanked.filter((v) => v !== null).length >= 3 ? blanked : values;
  });

describe('trend properties', () => {
  it('a clearly rising series is improving when higher is better and worsening when lower is', () => {
    fc.assert(
      fc.property(risingSeries, (values) => {
        expect(trend(values, 'higher_is_better').direction).toBe('improving');
        expect(trend(values, 'lower_is_better').direction).toBe('worsening');
        const falling = values.map((v) => (v === null ? null : -v));
        expect(trend(falling, 'higher_is_better').direction).toBe('worsening');
        expect(trend(falling, 'lower_is_better').direction).toBe('improving');
      }),
    );
  });

  it('a strictly increasing series is never worsening when higher is better', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 3, maxLength: 20 })
          .map((xs) => [...new Set(xs)].sort((a, b) => a - b)),
        (values) => {
          fc.pre(values.length >= 3);
          expect(trend(values, 'higher_is_better').slope).toBeGreaterThan(0);
          expect(trend(values, 'higher_is_better').direction).not.toBe('worsening');
          expect(trend(values, 'lower_is_better').direction).not.toBe('improving');
        },
      ),
    );
  });

  it('a straight line has its own slope, and steady means within the documented threshold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -100, max: 100 }),
        fc.integer({ min: 3, max: 20 }),
        (intercept, slope, length) => {
          const values = Array.from({ length }, (_, i) => intercept + slope * i);
          const result = trend(values, 'higher_is_better');
          expect(result.slope).toBeCloseTo(slope, 9);
          const level = values.reduce((sum, v) => sum + Math.abs(v), 0) / length;
          expect(result.direction === 'steady').toBe(Math.abs(slope) <= TREND_STEADY_FRACTION * level);
        },
      ),
    );
  });

  it('is insufficient_data with fewer than three known values, however long the series', () => {
    fc.assert(
      fc.property(fc.array(fc.option(num, { nil: null, freq: 5 })), (values) => {
        const known = values.filter((v) => v !== null).length;
        expect(trend(values, 'lower_is_better').direction === 'insufficient_data').toBe(known < 3);
      }),
    );
  });
});
