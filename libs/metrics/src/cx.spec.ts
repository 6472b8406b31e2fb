import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  addLikertCounts,
  addThumbsCounts,
  cxDueDate,
  driverShare,
  responseRate,
  scoreCounts,
  volumeProblem,
} from './cx.js';
import type { LikertCounts } from './survey.js';

const count = fc.integer({ min: 0, max: 100_000 });
const likert = fc.record({ 1: count, 2: count, 3: count, 4: count, 5: count }) as fc.Arbitrary<LikertCounts>;

/** Splits each count in two at random: two parts that add up to the whole. */
const splitLikert = likert.chain((whole) =>
  fc.tuple(...([1, 2, 3, 4, 5] as const).map((p) => fc.integer({ min: 0, max: whole[p] as number }))).map((firsts) => {
    const a = { 1: firsts[0]!, 2: firsts[1]!, 3: firsts[2]!, 4: firsts[3]!, 5: firsts[4]! } as LikertCounts;
    const b = {
      1: whole[1]! - a[1]!,
      2: whole[2]! - a[2]!,
      3: whole[3]! - a[3]!,
      4: whole[4]! - a[4]!,
      5: whole[5]! - a[5]!,
    };
    return { whole, a, b: b as LikertCounts };
  }),
);

describe('scoreCounts', () => {
  it('gives percent positive (4-5 of 5) with its Wilson interval, the mean, and flags small samples', () => {
    const score = scoreCounts({ 1: 1, 2: 1, 3: 2, 4: 3, 5: 3 });
    expect(score.respondents).toBe(10);
    expect(score.percentPositive?.percent).toBeCloseTo(60, 10);
    expect(score.percentPositive?.lower).toBeCloseTo(31.2673, 3);
    expect(score.percentPositive?.upper).toBeCloseTo(83.1821, 3);
    expect(score.mean?.mean).toBeCloseTo(3.6, 10);
    expect(score.smallSample).toBe(true);
    expect(scoreCounts({ 1: 0, 2: 0, 3: 0, 4: 10, 5: 20 }).smallSample).toBe(false);
    expect(scoreCounts({ 1: 0, 2: 0, 3: 0, 4: 10, 5: 20 }, 31).smallSample).toBe(true);
  });

  it('scores thumbs up/down without a mean', () => {
    const score = scoreCounts({ up: 8, down: 2 });
    expect(score.percentPositive?.percent).toBe(80);
    expect(score.mean).toBeNull();
  });

  it('has no score without respondents, and a blank count leaves the score blank', () => {
    expect(scoreCounts({ up: 0, down: 0 }).percentPositive).toBeNull();
    expect(scoreCounts({ 1: null, 2: 1, 3: 1, 4: 1, 5: 1 }).percentPositive).toBeNull();
  });

  it('property: the interval always contains the estimate', () => {
    fc.assert(
      fc.property(likert, (counts) => {
        const score = scoreCounts(counts);
        if (score.percentPositive === null) return score.respondents === 0;
        const { percent, lower, upper } = score.percentPositive;
        const inMean =
          score.mean === null ||
          score.mean.lower === null ||
          (score.mean.lower <= score.mean.mean && score.mean.mean <= score.mean.upper!);
        return lower <= percent && percent <= upper && inMean;
      }),
    );
  });

  it('property: the interval narrows as the counts grow in the same proportions', () => {
    fc.assert(
      fc.property(likert, fc.integer({ min: 2, max: 20 }), (counts, k) => {
        const small = scoreCounts(counts).percentPositive;
        if (small === null) return true;
        const scaled = {
          1: counts[1]! * k,
          2: counts[2]! * k,
          3: counts[3]! * k,
          4: counts[4]! * k,
          5: counts[5]! * k,
        };
        const large = scoreCounts(scaled).percentPositive!;
        return large.upper - large.lower <= small.upper - small.lower + 1e-9;
      }),
    );
  });
});

describe('aggregation', () => {
  it('property: splitting a quarter’s counts in two never changes the aggregate', () => {
    fc.assert(
      fc.property(splitLikert, ({ whole, a, b }) => {
        const added = addLikertCounts([a, b]);
        expect(added).toEqual(whole);
        expect(scoreCounts(added)).toEqual(scoreCounts(whole));
      }),
    );
  });

  it('adds thumbs counts and keeps a blank blank', () => {
    expect(
      addThumbsCounts([
        { up: 3, down: 1 },
        { up: 2, down: 4 },
      ]),
    ).toEqual({ up: 5, down: 5 });
    expect(
      addThumbsCounts([
        { up: 3, down: null },
        { up: 2, down: 4 },
      ]),
    ).toEqual({ up: 5, down: null });
    expect(addLikertCounts([{ 1: 1, 2: 1, 3: 1, 4: 1, 5: null }])[5]).toBeNull();
  });

  it('is not an average of percentages', () => {
    // 9 of 10 and 10 of 100: 19 of 110 (17.3%), not (90% + 10%) / 2.
    const added = addThumbsCounts([
      { up: 9, down: 1 },
      { up: 10, down: 90 },
    ]);
    expect(scoreCounts(added).percentPositive?.percent).toBeCloseTo((19 / 110) * 100, 10);
  });
});

describe('volumes', () => {
  it('response rate is respondents / offered', () => {
    expect(responseRate(17, 100)).toBe(17);
    expect(responseRate(null, 100)).toBeNull();
    expect(responseRate(0, 0)).toBeNull();
    expect(() => responseRate(101, 100)).toThrow(RangeError);
  });

  it('respondents <= offered <= customers served', () => {
    expect(volumeProblem(100, 50, 10)).toBeNull();
    expect(volumeProblem(null, null, 10)).toBeNull();
    expect(volumeProblem(100, 50, 60)?.field).toBe('respondents');
    expect(volumeProblem(40, 50, 10)?.field).toBe('surveysOffered');
    expect(volumeProblem(5, null, 10)?.field).toBe('respondents');
    expect(volumeProblem(-1, null, null)?.field).toBe('customersServed');
  });

  it('driver share of respondents', () => {
    expect(driverShare(5, 20)).toBe(25);
    expect(driverShare(0, 0)).toBeNull();
    expect(() => driverShare(3, 2)).toThrow(RangeError);
  });

  it('a collection is due 30 days after its quarter ends', () => {
    expect(cxDueDate(2026, 1)).toBe('2026-01-30');
    expect(cxDueDate(2026, 4)).toBe('2026-10-30');
  });
});
