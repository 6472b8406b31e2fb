import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { missWithinMargin, resultInterval } from './margin.js';
import { wilsonInterval } from './survey.js';
import { evaluateStatus } from './target-status.js';

const sampled = (value: number | null, sampleSize: number | null, numerator: number | null = null) => ({
  unit: 'percent' as const,
  value,
  numerator,
  denominator: numerator === null ? null : sampleSize,
  sampleSize,
});

describe('resultInterval', () => {
  it('is the Wilson interval of the counts, in percent', () => {
    const interval = resultInterval(sampled((4798 / 6744) * 100, 6744, 4798))!;
    const wilson = wilsonInterval(4798, 6744)!;
    expect(interval.lower).toBeCloseTo(wilson.lower * 100, 10);
    expect(interval.upper).toBeCloseTo(wilson.upper * 100, 10);
    expect(interval.upper - interval.lower).toBeLessThan(2.2);
    expect(interval.upper - interval.lower).toBeGreaterThan(2);
  });

  it('takes the successes from the value when the counts are not the sample’s', () => {
    expect(resultInterval(sampled(80, 10))).toEqual(resultInterval(sampled(80, 10, 8)));
  });

  it('is null without a sample, for a blank value and for other units', () => {
    expect(resultInterval(sampled(80, null))).toBeNull();
    expect(resultInterval(sampled(null, 100))).toBeNull();
    expect(resultInterval(sampled(80, 0))).toBeNull();
    expect(resultInterval({ ...sampled(4.2, 300), unit: 'score' })).toBeNull();
  });

  it('always holds the value, inside 0-100, and narrows as the sample grows', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 1, max: 100_000 }), (value, n) => {
        const interval = resultInterval(sampled(value, n))!;
        expect(interval.lower).toBeLessThanOrEqual(value);
        expect(interval.upper).toBeGreaterThanOrEqual(value);
        expect(interval.lower).toBeGreaterThanOrEqual(0);
        expect(interval.upper).toBeLessThanOrEqual(100);
        const bigger = resultInterval(sampled(value, n * 4))!;
        expect(bigger.upper - bigger.lower).toBeLessThanOrEqual(interval.upper - interval.lower + 1e-6 + 100 / n);
      }),
    );
  });
});

describe('missWithinMargin', () => {
  it('says a miss is within the margin when the target lies inside the interval', () => {
    // 85 of 100 against a target of 90: the interval (77 to 91) holds 90.
    const interval = resultInterval(sampled(85, 100, 85))!;
    expect(missWithinMargin('not_met', interval, { value: 90 }, 'higher_is_better')).toBe(true);
    // The same share from 10,000 answers is clearly short.
    const precise = resultInterval(sampled(85, 10_000, 8500))!;
    expect(missWithinMargin('not_met', precise, { value: 90 }, 'higher_is_better')).toBe(false);
  });

  it('is never true for a target met, without a sample or without a target', () => {
    const interval = { lower: 80, upper: 95 };
    expect(missWithinMargin('met', interval, { value: 90 }, 'higher_is_better')).toBe(false);
    expect(missWithinMargin('not_met', null, { value: 90 }, 'higher_is_better')).toBe(false);
    expect(missWithinMargin('not_applicable', interval, null, 'higher_is_better')).toBe(false);
  });

  it('looks for any point of a target range inside the interval', () => {
    expect(missWithinMargin('not_met', { lower: 40, upper: 52 }, { min: 50, max: 60 }, 'within_range')).toBe(true);
    expect(missWithinMargin('not_met', { lower: 40, upper: 48 }, { min: 50, max: 60 }, 'within_range')).toBe(false);
  });

  it('is true only for misses whose interval reaches the target (any share, sample and target)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        (n, share, target) => {
          const successes = Math.round(share * n);
          const value = (successes / n) * 100;
          const interval = resultInterval(sampled(value, n, successes))!;
          const status = evaluateStatus({ value, target: { value: target }, direction: 'higher_is_better' });
          const within = missWithinMargin(status, interval, { value: target }, 'higher_is_better');
          expect(within).toBe(status !== 'met' && interval.upper >= target);
        },
      ),
    );
  });
});
