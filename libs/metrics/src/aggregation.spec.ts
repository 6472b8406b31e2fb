import { describe, expect, it } from '@jest/globals';
import { COMPUTATIONS } from '@yardstick/contracts';
import fc from 'fast-check';
import { aggregate, MEDIAN_REASON, type Part } from './aggregation.js';

describe('aggregate: share meeting a threshold', () => {
  it('divides summed numerators by summed denominators instead of averaging percentages', () => {
    // Online: 9,000 of 10,000 within 42 days (90%); mail: 10 of 100 (10%). The average of the
    // percentages would be 50%; the share of all applications is 9,010 of 10,100.
    const result = aggregate('share_meeting_threshold', [
      { value: 90, numerator: 9000, denominator: 10000 },
      { value: 10, numerator: 10, denominator: 100 },
    ]);
    expect(result).toEqual({ value: (9010 / 10100) * 100, numerator: 9010, denominator: 10100, sampleSize: null });
    expect(result.value).toBeCloseTo(89.208, 3);
  });

  it('refuses to combine a share without counts, naming the part', () => {
    const result = aggregate('share_meeting_threshold', [
      { value: 90, numerator: 9000, denominator: 10000 },
      { value: 80, numerator: 800, denominator: null },
      { value: 70 },
    ]);
    expect(result.value).toBeNull();
    expect(result.reason).toMatch(/cannot be combined without the counts.*result 2.*never averaged/);
    expect(result.numerator).toBe(null);
    expect(result.denominator).toBe(null);
  });

  it('is blank when nothing was counted, and skips empty channels otherwise', () => {
    expect(
      aggregate('share_meeting_threshold', [
        { value: null, numerator: 0, denominator: 0 },
        { value: null, numerator: 0, denominator: 0 },
      ]),
    ).toEqual({ value: null, numerator: 0, denominator: 0, sampleSize: null, reason: expect.stringMatching(/0/) });
    expect(
      aggregate('share_meeting_threshold', [
        { value: null, numerator: 0, denominator: 0 },
        { value: 75, numerator: 3, denominator: 4 },
      ]).value,
    ).toBe(75);
  });

  it('sums sample sizes only when every part has one', () => {
    const parts: Part[] = [
      { value: 50, numerator: 1, denominator: 2, sampleSize: 2 },
      { value: 50, numerator: 2, denominator: 4, sampleSize: 4 },
    ];
    expect(aggregate('share_meeting_threshold', parts).sampleSize).toBe(6);
    expect(aggregate('share_meeting_threshold', [...parts, { value: 0, numerator: 0, denominator: 1 }])).toEqual({
      value: (3 / 7) * 100,
      numerator: 3,
      denominator: 7,
      sampleSize: null,
    });
  });
});

describe('aggregate: mean', () => {
  it('weights by sample size, falling back to the denominator', () => {
    // Phone: mean wait 12 minutes over 300 calls; chat: 2 minutes over 100 chats.
    const result = aggregate('mean', [
      { value: 12, sampleSize: 300 },
      { value: 2, denominator: 100 },
    ]);
    expect(result).toEqual({ value: 9.5, numerator: null, denominator: null, sampleSize: 400 });
  });

  it('refuses a part without a weight', () => {
    const result = aggregate('mean', [{ value: 12, sampleSize: 300 }, { value: 2 }]);
    expect(result.value).toBeNull();
    expect(result.reason).toMatch(/weighted by sample size.*result 2/);
  });

  it('is blank when a part is blank, unless that part has an empty sample', () => {
    const blankPart = aggregate('mean', [
      { value: 12, sampleSize: 300 },
      { value: null, sampleSize: 5 },
    ]);
    expect(blankPart.value).toBeNull();
    expect(blankPart.reason).toMatch(/result 2 is blank/);
    expect(
      aggregate('mean', [
        { value: 12, sampleSize: 300 },
        { value: null, sampleSize: 0 },
      ]),
    ).toEqual({ value: 12, numerator: null, denominator: null, sampleSize: 300 });
    expect(
      aggregate('mean', [
        { value: null, sampleSize: 0 },
        { value: null, sampleSize: 0 },
      ]),
    ).toMatchObject({ value: null, reason: 'the sample sizes add up to 0' });
  });
});

describe('aggregate: total', () => {
  it('adds the values', () => {
    expect(aggregate('total', [{ value: 1200 }, { value: 0 }, { value: 34 }]).value).toBe(1234);
  });

  it('is blank, not a smaller total, when a part is blank', () => {
    const result = aggregate('total', [{ value: 1200 }, { value: null }, { value: 34 }]);
    expect(result.value).toBeNull();
    expect(result.reason).toMatch(/result 2 is blank.*not 0/);
  });
});

describe('aggregate: median', () => {
  it('passes a single median through unchanged', () => {
    expect(aggregate('median', [{ value: 41, sampleSize: 5000 }])).toEqual({
      value: 41,
      numerator: null,
      denominator: null,
      sampleSize: 5000,
    });
  });

  it('never computes a median from medians', () => {
    expect(aggregate('median', [{ value: 41 }, { value: 43 }])).toEqual({
      value: null,
      numerator: null,
      denominator: null,
      sampleSize: null,
      reason: MEDIAN_REASON,
    });
  });
});

describe('aggregate: any computation', () => {
  it.each(COMPUTATIONS)('%s of no parts is blank with a reason', (computation) => {
    expect(aggregate(computation, [])).toEqual({
      value: null,
      numerator: null,
      denominator: null,
      sampleSize: null,
      reason: 'there are no results to combine',
    });
  });

  it.each(COMPUTATIONS)('%s of one part is that part', (computation) => {
    const part = { value: 91.2, numerator: 9123, denominator: 10000, sampleSize: 10000 };
    expect(aggregate(computation, [part])).toEqual(part);
    expect(aggregate(computation, [{ value: null }])).toEqual({
      value: null,
      numerator: null,
      denominator: null,
      sampleSize: null,
      reason: 'the only result is blank',
    });
  });

  it.each([
    ['a NaN value', { value: NaN }],
    ['an infinite value', { value: -Infinity }],
    ['a negative denominator', { value: 1, numerator: 0, denominator: -1 }],
    ['a negative sample size', { value: 1, sampleSize: -3 }],
    ['a numerator above its denominator', { value: 1, numerator: 5, denominator: 4 }],
  ])('throws RangeError for %s', (_name, part) => {
    expect(() => aggregate('total', [{ value: 1 }, part])).toThrow(RangeError);
  });
});

// Properties. Counts are whole numbers, so their sums are exact and shares can be compared exactly.
const count = fc.integer({ min: 0, max: 1_000_000 });
const sharePart: fc.Arbitrary<Part> = fc
  .tuple(count, count)
  .map(([a, b]) => ({ numerator: Math.min(a, b), denominator: Math.max(a, b) }))
  .map(({ numerator, denominator }) => ({
    value: denominator > 0 ? (numerator / denominator) * 100 : null,
    numerator,
    denominator,
  }));
const shareParts = fc.array(sharePart, { minLength: 1, maxLength: 8 });
const meanPart: fc.Arbitrary<Part> = fc.record({
  value: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
  sampleSize: fc.integer({ min: 1, max: 100_000 }),
});
const meanParts = fc.array(meanPart, { minLength: 1, maxLength: 8 });

const shareOf = (p: Part) => (p.numerator! / p.denominator!) * 100;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const close = (a: number | null, b: number | null) => {
  expect(a).not.toBeNull();
  expect(b).not.toBeNull();
  expect(Math.abs(a! - b!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a!), Math.abs(b!)));
};

/** Splits part `at` in two: counts split by `fraction`, the share kept by construction of the split. */
function splitCounts(parts: Part[], at: number, f1: number, f2: number): Part[] {
  const i = at % parts.length;
  const p = parts[i]!;
  const d = p.denominator!;
  const n = p.numerator!;
  const d1 = Math.floor(d * f1);
  // n1 must fit in d1, and the rest of n in the rest of d.
  const n1 = Math.max(n - (d - d1), Math.min(n, Math.floor(d1 * f2)));
  const one = { numerator: n1, denominator: d1, value: d1 > 0 ? (n1 / d1) * 100 : null };
  const two = { numerator: n - n1, denominator: d - d1, value: d - d1 > 0 ? ((n - n1) / (d - d1)) * 100 : null };
  return [...parts.slice(0, i), one, two, ...parts.slice(i + 1)];
}

const unitFraction = fc.double({ min: 0, max: 1, noNaN: true });

describe('aggregate properties', () => {
  it('a share is the sum of numerators over the sum of denominators', () => {
    fc.assert(
      fc.property(fc.array(sharePart, { minLength: 2, maxLength: 8 }), (parts) => {
        const n = sum(parts.map((p) => p.numerator!));
        const d = sum(parts.map((p) => p.denominator!));
        const result = aggregate('share_meeting_threshold', parts);
        expect(result.numerator).toBe(n);
        expect(result.denominator).toBe(d);
        expect(result.value).toBe(d > 0 ? (n / d) * 100 : null);
      }),
    );
  });

  it('splitting a part into two never changes the share', () => {
    fc.assert(
      fc.property(shareParts, fc.nat(), unitFraction, unitFraction, (parts, at, f1, f2) => {
        const split = splitCounts(parts, at, f1, f2);
        expect(split).toHaveLength(parts.length + 1);
        expect(aggregate('share_meeting_threshold', split).value).toBe(
          aggregate('share_meeting_threshold', parts).value,
        );
      }),
    );
  });

  it('does not depend on the order of the parts', () => {
    fc.assert(
      fc.property(
        shareParts.chain((parts) =>
          fc.tuple(fc.constant(parts), fc.shuffledSubarray(parts, { minLength: parts.length })),
        ),
        ([parts, shuffled]) => {
          expect(aggregate('share_meeting_threshold', shuffled)).toEqual(aggregate('share_meeting_threshold', parts));
        },
      ),
    );
    fc.assert(
      fc.property(
        meanParts.chain((parts) =>
          fc.tuple(fc.constant(parts), fc.shuffledSubarray(parts, { minLength: parts.length })),
        ),
        ([parts, shuffled]) => {
          close(aggregate('mean', shuffled).value, aggregate('mean', parts).value);
          close(aggregate('total', shuffled).value, aggregate('total', parts).value);
        },
      ),
    );
  });

  it('a share lies between the smallest and largest part shares', () => {
    fc.assert(
      fc.property(shareParts, (parts) => {
        const counted = parts.filter((p) => p.denominator! > 0);
        fc.pre(counted.length > 0);
        const shares = counted.map(shareOf);
        const value = aggregate('share_meeting_threshold', parts).value!;
        expect(value).toBeGreaterThanOrEqual(Math.min(...shares));
        expect(value).toBeLessThanOrEqual(Math.max(...shares));
      }),
    );
  });

  it('a share is blank, naming the part, whenever a part lacks a count', () => {
    fc.assert(
      fc.property(fc.array(sharePart, { minLength: 2, maxLength: 8 }), fc.nat(), fc.boolean(), (parts, at, which) => {
        const i = at % parts.length;
        const stripped = parts.map((p, j) => (j === i ? { ...p, [which ? 'numerator' : 'denominator']: null } : p));
        const result = aggregate('share_meeting_threshold', stripped);
        expect(result.value).toBeNull();
        expect(result.reason).toContain(`result ${i + 1} has no numerator`);
      }),
    );
  });

  it('a weighted mean lies between the smallest and largest part values', () => {
    fc.assert(
      fc.property(meanParts, (parts) => {
        const values = parts.map((p) => p.value!);
        const value = aggregate('mean', parts).value!;
        expect(value).toBeGreaterThanOrEqual(Math.min(...values));
        expect(value).toBeLessThanOrEqual(Math.max(...values));
      }),
    );
  });

  it('splitting a part’s sample in two leaves the mean unchanged', () => {
    fc.assert(
      fc.property(meanParts, fc.nat(), unitFraction, (parts, at, f) => {
        const i = at % parts.length;
        const p = parts[i]!;
        const n1 = Math.floor(p.sampleSize! * f);
        fc.pre(n1 > 0 && n1 < p.sampleSize!);
        const split = [...parts.slice(0, i), { ...p, sampleSize: n1 }, { ...p, sampleSize: p.sampleSize! - n1 }];
        const result = aggregate('mean', [...split, ...parts.slice(i + 1)]);
        close(result.value, aggregate('mean', parts).value);
        expect(result.sampleSize).toBe(sum(parts.map((q) => q.sampleSize!)));
      }),
    );
  });

  it('is the plain mean when all samples are the same size', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 2 }), count, (values, n) => {
        fc.pre(n > 0);
        const result = aggregate(
          'mean',
          values.map((value) => ({ value, sampleSize: n })),
        );
        close(result.value, sum(values) / values.length);
      }),
    );
  });

  it('a blank part makes a total or mean blank, and two or more medians always are', () => {
    fc.assert(
      fc.property(meanParts, fc.nat(), (parts, at) => {
        const i = at % (parts.length + 1);
        const withBlank = [...parts.slice(0, i), { value: null, sampleSize: 10 }, ...parts.slice(i)];
        expect(aggregate('total', withBlank).value).toBeNull();
        expect(aggregate('mean', withBlank).value).toBeNull();
        expect(aggregate('median', withBlank)).toMatchObject({ value: null, reason: MEDIAN_REASON });
      }),
    );
  });
});
