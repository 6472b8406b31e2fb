import { describe, expect, it } from '@jest/globals';
import type { Direction, TargetStatus } from '@yardstick/contracts';
import fc from 'fast-check';
import {
  DEFAULT_TOLERANCE,
  describeStatusRule,
  evaluateStatus,
  toleranceAmount,
  type Tolerance,
} from './target-status.js';

const RANK: Partial<Record<TargetStatus, number>> = { not_met: 0, near: 1, met: 2 };
const rank = (status: TargetStatus): number => {
  const r = RANK[status];
  if (r === undefined) throw new Error(`unexpected status ${status}`);
  return r;
};

describe('evaluateStatus: higher is better', () => {
  // "We process 90% of renewals within 6 weeks", default tolerance 5% of 90 = 4.5 points.
  it.each([
    [95, 'met'],
    [90, 'met'],
    [89.99, 'near'],
    [85.5, 'near'],
    [85.49, 'not_met'],
    [0, 'not_met'],
  ] as const)('%d against a target of 90 is %s', (value, status) => {
    expect(evaluateStatus({ value, target: { value: 90 }, direction: 'higher_is_better' })).toBe(status);
  });

  it('uses an absolute tolerance in the measure unit', () => {
    const tolerance: Tolerance = { kind: 'absolute', amount: 2 };
    const at = (value: number) =>
      evaluateStatus({ value, target: { value: 90 }, direction: 'higher_is_better', tolerance });
    expect(at(88)).toBe('near');
    expect(at(87.9)).toBe('not_met');
  });

  it('has no near band with a null or zero tolerance', () => {
    for (const tolerance of [null, { kind: 'relative', percent: 0 } as const]) {
      expect(evaluateStatus({ value: 89.99, target: { value: 90 }, direction: 'higher_is_better', tolerance })).toBe(
        'not_met',
      );
      expect(evaluateStatus({ value: 90, target: { value: 90 }, direction: 'higher_is_better', tolerance })).toBe(
        'met',
      );
    }
  });

  it('takes a relative band from the size of a negative target', () => {
    // Target: change of -10 or more; 5% of |-10| = 0.5.
    const at = (value: number) => evaluateStatus({ value, target: { value: -10 }, direction: 'higher_is_better' });
    expect(at(-10.5)).toBe('near');
    expect(at(-10.6)).toBe('not_met');
  });
});

describe('evaluateStatus: lower is better', () => {
  // "Answer calls within 20 minutes on average": 5% of 20 = 1 minute.
  it.each([
    [12, 'met'],
    [20, 'met'],
    [20.5, 'near'],
    [21, 'near'],
    [21.01, 'not_met'],
  ] as const)('%d minutes against a target of 20 is %s', (value, status) => {
    expect(evaluateStatus({ value, target: { value: 20 }, direction: 'lower_is_better' })).toBe(status);
  });

  it('a target of 0 has no relative near band', () => {
    const at = (value: number) => evaluateStatus({ value, target: { value: 0 }, direction: 'lower_is_better' });
    expect(at(0)).toBe('met');
    expect(at(0.001)).toBe('not_met');
  });
});

describe('evaluateStatus: within range', () => {
  // A 4.0-6.0 range: 5% of the width 2 = 0.1 either side.
  it.each([
    [4, 'met'],
    [5, 'met'],
    [6, 'met'],
    [3.9, 'near'],
    [6.1, 'near'],
    [3.89, 'not_met'],
    [6.11, 'not_met'],
  ] as const)('%d against 4-6 is %s', (value, status) => {
    expect(evaluateStatus({ value, target: { min: 4, max: 6 }, direction: 'within_range' })).toBe(status);
  });

  it('accepts a single-point range', () => {
    const at = (value: number) =>
      evaluateStatus({
        value,
        target: { min: 5, max: 5 },
        direction: 'within_range',
        tolerance: { kind: 'absolute', amount: 1 },
      });
    expect(at(5)).toBe('met');
    expect(at(6)).toBe('near');
    expect(at(3.5)).toBe('not_met');
  });
});

describe('evaluateStatus: blanks and missing targets', () => {
  it('is not_applicable without a target, whatever the value', () => {
    expect(evaluateStatus({ value: 50, target: null, direction: 'higher_is_better' })).toBe('not_applicable');
    expect(evaluateStatus({ value: null, target: null, direction: 'lower_is_better' })).toBe('not_applicable');
  });

  it('is no_data for a blank that is due, never a 0', () => {
    expect(evaluateStatus({ value: null, target: { value: 0 }, direction: 'lower_is_better' })).toBe('no_data');
    expect(evaluateStatus({ value: null, target: { value: 90 }, direction: 'higher_is_better', due: true })).toBe(
      'no_data',
    );
    // A real 0 against "0 or fewer" is met, so the blank above was not read as 0.
    expect(evaluateStatus({ value: 0, target: { value: 0 }, direction: 'lower_is_better' })).toBe('met');
  });

  it('is not_applicable for a blank that is not due yet, but still rates a value given early', () => {
    expect(evaluateStatus({ value: null, target: { value: 90 }, direction: 'higher_is_better', due: false })).toBe(
      'not_applicable',
    );
    expect(evaluateStatus({ value: 91, target: { value: 90 }, direction: 'higher_is_better', due: false })).toBe('met');
  });
});

describe('evaluateStatus: validation', () => {
  it.each([
    ['a reversed range', { value: 5, target: { min: 6, max: 4 }, direction: 'within_range' }],
    ['a NaN value', { value: NaN, target: { value: 1 }, direction: 'higher_is_better' }],
    ['an infinite value', { value: Infinity, target: { value: 1 }, direction: 'higher_is_better' }],
    ['an infinite target', { value: 1, target: { value: -Infinity }, direction: 'lower_is_better' }],
    ['a NaN range bound', { value: 1, target: { min: NaN, max: 3 }, direction: 'within_range' }],
    [
      'a negative tolerance',
      { value: 1, target: { value: 1 }, direction: 'higher_is_better', tolerance: { kind: 'absolute', amount: -1 } },
    ],
    [
      'an infinite tolerance',
      {
        value: 1,
        target: { value: 1 },
        direction: 'higher_is_better',
        tolerance: { kind: 'relative', percent: Infinity },
      },
    ],
    ['a single target for a range measure', { value: 5, target: { value: 5 }, direction: 'within_range' }],
    ['a range for a higher-is-better measure', { value: 5, target: { min: 1, max: 9 }, direction: 'higher_is_better' }],
  ] as const)('throws RangeError for %s', (_name, input) => {
    expect(() => evaluateStatus(input as Parameters<typeof evaluateStatus>[0])).toThrow(RangeError);
  });

  it('checks the target even when the value is blank', () => {
    expect(() => evaluateStatus({ value: null, target: { min: 6, max: 4 }, direction: 'within_range' })).toThrow(
      /min 6 is greater than its max 4/,
    );
  });
});

describe('toleranceAmount', () => {
  it('is the near band width', () => {
    expect(toleranceAmount({ value: 90 }, 'higher_is_better')).toBe(4.5);
    expect(toleranceAmount({ min: 10, max: 30 }, 'within_range', { kind: 'relative', percent: 10 })).toBe(2);
    expect(toleranceAmount({ value: 90 }, 'higher_is_better', { kind: 'absolute', amount: 3 })).toBe(3);
    expect(toleranceAmount({ value: 90 }, 'higher_is_better', null)).toBe(0);
    expect(DEFAULT_TOLERANCE).toEqual({ kind: 'relative', percent: 5 });
  });
});

describe('describeStatusRule', () => {
  it('states the default rule for each direction', () => {
    expect(describeStatusRule('higher_is_better', undefined)).toBe(
      'Met when the result is at or above the target; near when it is below the target by no more than 5% of the target; otherwise not met.',
    );
    expect(describeStatusRule('lower_is_better', DEFAULT_TOLERANCE)).toBe(
      'Met when the result is at or below the target; near when it is above the target by no more than 5% of the target; otherwise not met.',
    );
    expect(describeStatusRule('within_range')).toBe(
      'Met when the result is between the minimum and the maximum of the target range, inclusive; near when it is outside the range by no more than 5% of the range width; otherwise not met.',
    );
  });

  it('names an absolute tolerance in the unit', () => {
    expect(describeStatusRule('higher_is_better', { kind: 'absolute', amount: 2 }, 'percent')).toBe(
      'Met when the result is at or above the target; near when it is below the target by no more than 2 percentage points; otherwise not met.',
    );
    expect(describeStatusRule('lower_is_better', { kind: 'absolute', amount: 1 }, 'days')).toContain(
      'by no more than 1 day;',
    );
    expect(describeStatusRule('lower_is_better', { kind: 'absolute', amount: 1500 }, 'currency')).toContain(
      'by no more than $1,500;',
    );
    expect(describeStatusRule('lower_is_better', { kind: 'absolute', amount: 0.25 })).toContain(
      'by no more than 0.25;',
    );
  });

  it('leaves out the near clause when there is no band', () => {
    const noNear = 'Met when the result is at or above the target; otherwise not met.';
    expect(describeStatusRule('higher_is_better', null)).toBe(noNear);
    expect(describeStatusRule('higher_is_better', { kind: 'absolute', amount: 0 })).toBe(noNear);
  });

  it('rejects a negative tolerance', () => {
    expect(() => describeStatusRule('higher_is_better', { kind: 'relative', percent: -5 })).toThrow(RangeError);
  });
});

// Properties. Values stay in a realistic range; fast-check's doubles otherwise reach 1e308.
const num = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const tolerance: fc.Arbitrary<Tolerance | null | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.double({ min: 0, max: 1e4, noNaN: true }).map((amount) => ({ kind: 'absolute', amount }) as const),
  fc.double({ min: 0, max: 100, noNaN: true }).map((percent) => ({ kind: 'relative', percent }) as const),
);
const zeroTolerance = fc.constantFrom<Tolerance | null>(
  null,
  { kind: 'absolute', amount: 0 },
  { kind: 'relative', percent: 0 },
);
const range = fc.tuple(num, num).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));
const oneSided = fc.constantFrom<Direction>('higher_is_better', 'lower_is_better');
const distance = (v: number, r: { min: number; max: number }) => (v < r.min ? r.min - v : v > r.max ? v - r.max : 0);

describe('evaluateStatus properties', () => {
  it('never worsens as a higher-is-better value rises, or a lower-is-better value falls', () => {
    fc.assert(
      fc.property(num, num, num, oneSided, tolerance, (target, a, b, direction, tol) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const [worse, better] = direction === 'higher_is_better' ? [low, high] : [high, low];
        const status = (value: number) =>
          rank(evaluateStatus({ value, target: { value: target }, direction, tolerance: tol }));
        expect(status(better)).toBeGreaterThanOrEqual(status(worse));
      }),
    );
  });

  it('never worsens as a value moves toward the range', () => {
    fc.assert(
      fc.property(range, num, fc.double({ min: 0, max: 1, noNaN: true }), tolerance, (target, from, step, tol) => {
        const nearest = Math.min(Math.max(from, target.min), target.max);
        const closer = from + (nearest - from) * step;
        const status = (value: number) =>
          rank(evaluateStatus({ value, target, direction: 'within_range', tolerance: tol }));
        expect(distance(closer, target)).toBeLessThanOrEqual(distance(from, target));
        expect(status(closer)).toBeGreaterThanOrEqual(status(from));
      }),
    );
  });

  it('is met exactly when the comparison holds, whatever the tolerance', () => {
    fc.assert(
      fc.property(num, num, range, tolerance, (value, target, r, tol) => {
        const higher = evaluateStatus({
          value,
          target: { value: target },
          direction: 'higher_is_better',
          tolerance: tol,
        });
        const lower = evaluateStatus({
          value,
          target: { value: target },
          direction: 'lower_is_better',
          tolerance: tol,
        });
        const within = evaluateStatus({ value, target: r, direction: 'within_range', tolerance: tol });
        expect(higher === 'met').toBe(value >= target);
        expect(lower === 'met').toBe(value <= target);
        expect(within === 'met').toBe(r.min <= value && value <= r.max);
      }),
    );
  });

  it('never gives near with a zero tolerance', () => {
    fc.assert(
      fc.property(num, num, range, oneSided, zeroTolerance, (value, target, r, direction, tol) => {
        expect(evaluateStatus({ value, target: { value: target }, direction, tolerance: tol })).not.toBe('near');
        expect(evaluateStatus({ value, target: r, direction: 'within_range', tolerance: tol })).not.toBe('near');
      }),
    );
  });

  it('is near when the miss is inside the band, and not beyond it', () => {
    fc.assert(
      fc.property(num, num, oneSided, tolerance, (value, target, direction, tol) => {
        const band = toleranceAmount({ value: target }, direction, tol);
        const miss = direction === 'higher_is_better' ? target - value : value - target;
        const status = evaluateStatus({ value, target: { value: target }, direction, tolerance: tol });
        if (miss > 0 && miss <= band) expect(status).toBe('near');
        // Beyond the band plus a rounding slack well under a millionth.
        if (miss > band + 1e-6 * (band + Math.abs(target))) expect(status).toBe('not_met');
      }),
    );
  });

  it('rounds decimal band edges the way a reader would', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        (minTenths, widthTenths, bandTenths) => {
          // Every number here has one decimal place, so a miss equal to the band is exactly on the edge.
          const target = { min: minTenths / 10, max: (minTenths + widthTenths) / 10 };
          const tolerance = { kind: 'absolute', amount: bandTenths / 10 } as const;
          const at = (valueTenths: number) =>
            evaluateStatus({ value: valueTenths / 10, target, direction: 'within_range', tolerance });
          expect(at(minTenths - bandTenths)).toBe('near');
          expect(at(minTenths + widthTenths + bandTenths)).toBe('near');
          expect(at(minTenths - bandTenths - 1)).toBe('not_met');
          expect(at(minTenths + widthTenths + bandTenths + 1)).toBe('not_met');
        },
      ),
    );
  });

  it('mirrors: lower-is-better on v is higher-is-better on -v', () => {
    fc.assert(
      fc.property(num, num, tolerance, (value, target, tol) => {
        expect(evaluateStatus({ value, target: { value: target }, direction: 'lower_is_better', tolerance: tol })).toBe(
          evaluateStatus({ value: -value, target: { value: -target }, direction: 'higher_is_better', tolerance: tol }),
        );
      }),
    );
  });
});
