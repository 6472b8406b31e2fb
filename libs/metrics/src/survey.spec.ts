import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  likertMean,
  normalQuantile,
  percentPositive,
  studentTQuantile,
  wilsonInterval,
  withinMarginOfError,
  type LikertCounts,
} from './survey.js';

// Reference values below are from scipy.stats (norm.ppf, t.ppf) and the Wilson formula in Python.
const expectClose = (actual: number | null | undefined, expected: number, relative = 1e-8) => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
};

describe('wilsonInterval', () => {
  it.each([
    [8, 10, 0.4901624715366418, 0.9433178485456248],
    [0, 10, 0, 0.2775327998628892],
    [10, 10, 0.7224672001371109, 1],
    [50, 100, 0.4038315303659956, 0.5961684696340044],
    [35, 50, 0.562496495355466, 0.8089644649911906],
    [1, 1, 0.20654931437723745, 1],
  ])('%i of %i: %d to %d', (successes, n, lower, upper) => {
    const interval = wilsonInterval(successes, n);
    expectClose(interval?.lower, lower);
    expectClose(interval?.upper, upper);
  });

  it('is exactly 0 or 1 at the ends', () => {
    expect(wilsonInterval(0, 7)?.lower).toBe(0);
    expect(wilsonInterval(7, 7)?.upper).toBe(1);
  });

  it('widens with the confidence level', () => {
    const at90 = wilsonInterval(40, 60, 0.9)!;
    const at99 = wilsonInterval(40, 60, 0.99)!;
    expect(at99.lower).toBeLessThan(at90.lower);
    expect(at99.upper).toBeGreaterThan(at90.upper);
  });

  it('is null with no respondents', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it.each([
    [11, 10],
    [-1, 10],
    [1, -1],
    [1.5, 10],
    [NaN, 10],
  ])('rejects %d successes of %d', (successes, n) => {
    expect(() => wilsonInterval(successes, n)).toThrow(RangeError);
  });

  it.each([0, 1, 95, NaN])('rejects a confidence of %d', (confidence) => {
    expect(() => wilsonInterval(5, 10, confidence)).toThrow(/between 0 and 1/);
  });
});

describe('percentPositive', () => {
  it('counts 4 and 5 as positive on a 1-5 scale, in percent', () => {
    const score = percentPositive({ 1: 2, 2: 3, 3: 10, 4: 20, 5: 15 })!;
    expect(score.respondents).toBe(50);
    expect(score.percent).toBe(70);
    expectClose(score.lower, 56.2496495355466);
    expectClose(score.upper, 80.8964464991191);
  });

  it('counts thumbs up as positive', () => {
    const score = percentPositive({ up: 8, down: 2 })!;
    expect(score).toMatchObject({ percent: 80, respondents: 10 });
    expectClose(score.lower, 49.01624715366418);
  });

  it('is null, not 0%, with no respondents or a blank count', () => {
    expect(percentPositive({ up: 0, down: 0 })).toBeNull();
    expect(percentPositive({ up: 5, down: null })).toBeNull();
    expect(percentPositive({ 1: 0, 2: 0, 3: 0, 4: null, 5: 9 })).toBeNull();
  });

  it('rejects a negative or fractional count', () => {
    expect(() => percentPositive({ up: -1, down: 3 })).toThrow(RangeError);
    expect(() => percentPositive({ 1: 0, 2: 0, 3: 0.5, 4: 1, 5: 1 })).toThrow(/Answers of 3/);
  });
});

describe('likertMean', () => {
  it('gives the mean with a t interval on n - 1 degrees of freedom', () => {
    const score = likertMean({ 1: 2, 2: 3, 3: 10, 4: 20, 5: 15 })!;
    expect(score.respondents).toBe(50);
    expect(score.mean).toBeCloseTo(3.86, 12);
    expectClose(score.lower, 3.561600206494875);
    expectClose(score.upper, 4.158399793505125);
  });

  it('keeps the interval on the 1-5 scale', () => {
    const score = likertMean({ 1: 0, 2: 0, 3: 1, 4: 0, 5: 3 })!;
    expect(score.mean).toBe(4.5);
    expect(score.upper).toBe(5);
    expect(score.lower).toBeGreaterThanOrEqual(1);
  });

  it('has no interval with one respondent, and no mean with none or with a blank', () => {
    expect(likertMean({ 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 })).toEqual({ mean: 4, lower: null, upper: null, respondents: 1 });
    expect(likertMean({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 })).toBeNull();
    expect(likertMean({ 1: null, 2: 0, 3: 0, 4: 3, 5: 0 })).toBeNull();
  });
});

describe('withinMarginOfError', () => {
  it('tells a miss inside the interval from a clear miss', () => {
    // 70% positive of 50 against a target of 75%: a miss, but within the margin of error.
    const score = percentPositive({ 1: 2, 2: 3, 3: 10, 4: 20, 5: 15 })!;
    expect(withinMarginOfError(score, 75)).toBe(true);
    expect(withinMarginOfError(score, 85)).toBe(false);
    expect(withinMarginOfError({ lower: 3.5, upper: 4 }, 4)).toBe(true);
  });

  it('rejects a reversed or non-finite interval', () => {
    expect(() => withinMarginOfError({ lower: 5, upper: 4 }, 4.5)).toThrow(RangeError);
    expect(() => withinMarginOfError({ lower: NaN, upper: 4 }, 4.5)).toThrow(RangeError);
  });
});

describe('quantiles', () => {
  it.each([
    [0.5, 0],
    [0.9, 1.2815515655446004],
    [0.975, 1.959963984540054],
    [0.995, 2.5758293035489004],
    [0.999, 3.090232306167813],
    [0.01, -2.3263478740408408],
    [1e-10, -6.361340902404056],
  ])('normal quantile of %d is %d', (p, z) => {
    expectClose(normalQuantile(p), z);
  });

  it.each([
    [1, 12.706204736174694, 63.656741162871526, 636.6192487687897],
    [2, 4.302652729749462, 9.924843200918287, 31.599054576445365],
    [3, 3.1824463052837078, 5.840909309733355, 12.923978636687961],
    [5, 2.5705818356363146, 4.032142983555228, 6.868826625881276],
    [10, 2.228138851986274, 3.16927267261695, 4.586893858702708],
    [30, 2.0422724563012378, 2.7499956535672254, 3.6459586350420627],
    [100, 1.9839715185235518, 2.6258905214380173, 3.390491311164263],
    [200, 1.9718962236339088, 2.600634436191558, 3.3398354062757107],
    [201, 1.971836506779859, 2.6005099190831933, 3.339586788905302],
    [1000, 1.9623390808264083, 2.580754698065951, 3.300282648423944],
    [5000, 1.9604385517065073, 2.5768129665562802, 3.2924737233708825],
  ])('t quantiles with %i degrees of freedom', (df, t975, t995, t9995) => {
    expectClose(studentTQuantile(0.975, df), t975);
    expectClose(studentTQuantile(0.995, df), t995);
    expectClose(studentTQuantile(0.9995, df), t9995);
    expectClose(studentTQuantile(0.025, df), -t975);
  });

  it('rejects bad arguments', () => {
    expect(() => normalQuantile(1)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, 2.5)).toThrow(RangeError);
  });
});

const proportion = fc
  .tuple(fc.integer({ min: 1, max: 100_000 }), fc.nat())
  .map(([n, k]) => ({ n, successes: k % (n + 1) }));
const confidence = fc.constantFrom(0.8, 0.9, 0.95, 0.99);

describe('survey properties', () => {
  it('the Wilson interval holds the observed share and lies in [0, 1]', () => {
    fc.assert(
      fc.property(proportion, confidence, ({ n, successes }, c) => {
        const { lower, upper } = wilsonInterval(successes, n, c)!;
        const p = successes / n;
        expect(0 <= lower && lower <= p && p <= upper && upper <= 1).toBe(true);
        expect(upper - lower).toBeGreaterThan(0);
      }),
    );
  });

  it('the Wilson interval narrows as n grows with the same proportion', () => {
    fc.assert(
      fc.property(proportion, fc.integer({ min: 2, max: 50 }), ({ n, successes }, k) => {
        const small = wilsonInterval(successes, n)!;
        const large = wilsonInterval(successes * k, n * k)!;
        expect(large.upper - large.lower).toBeLessThan(small.upper - small.lower);
      }),
    );
  });

  it('percent positive is consistent with its counts and interval', () => {
    const likert = fc.record({
      1: fc.nat(1000),
      2: fc.nat(1000),
      3: fc.nat(1000),
      4: fc.nat(1000),
      5: fc.nat(1000),
    });
    fc.assert(
      fc.property(likert, (counts) => {
        const n = counts[1] + counts[2] + counts[3] + counts[4] + counts[5];
        const score = percentPositive(counts);
        if (n === 0) return expect(score).toBeNull();
        expect(score!.respondents).toBe(n);
        expect(score!.percent).toBeCloseTo(((counts[4] + counts[5]) / n) * 100, 9);
        expect(0 <= score!.lower && score!.lower <= score!.percent).toBe(true);
        expect(score!.percent <= score!.upper && score!.upper <= 100).toBe(true);
        // Thumbs with the same split give the same score.
        expect(percentPositive({ up: counts[4] + counts[5], down: counts[1] + counts[2] + counts[3] })).toEqual(score);
      }),
    );
  });

  it('the mean lies in its interval, inside the 1-5 scale, which narrows with more of the same answers', () => {
    const likert: fc.Arbitrary<LikertCounts> = fc.record({
      1: fc.nat(200),
      2: fc.nat(200),
      3: fc.nat(200),
      4: fc.nat(200),
      5: fc.nat(200),
    });
    fc.assert(
      fc.property(likert, fc.integer({ min: 2, max: 10 }), (counts, k) => {
        const score = likertMean(counts);
        fc.pre(score !== null && score.respondents >= 2);
        const { mean, lower, upper } = score!;
        expect(1 <= lower! && lower! <= mean && mean <= upper! && upper! <= 5).toBe(true);
        const scaled = Object.fromEntries(Object.entries(counts).map(([point, c]) => [point, c! * k])) as LikertCounts;
        const more = likertMean(scaled)!;
        expect(more.mean).toBeCloseTo(mean, 12);
        expect(more.upper! - more.lower!).toBeLessThanOrEqual(upper! - lower!);
      }),
    );
  });

  it('t quantiles exceed the normal one and fall toward it as degrees of freedom grow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.double({ min: 0.55, max: 0.9995, noNaN: true }), (df, p) => {
        const t = studentTQuantile(p, df);
        expect(t).toBeGreaterThan(normalQuantile(p));
        expect(studentTQuantile(p, df + 1)).toBeLessThan(t);
      }),
    );
  });

  it('the normal quantile is non-decreasing and symmetric', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
        fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
        (a, b) => {
          fc.pre(a < b);
          expect(normalQuantile(a)).toBeLessThanOrEqual(normalQuantile(b));
          expect(normalQuantile(1 - a)).toBeCloseTo(-normalQuantile(a), 6);
        },
      ),
    );
  });
});
