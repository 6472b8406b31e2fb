import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { SHARE_TOLERANCE, shareOf, unitValueProblem } from './units.js';

describe('unitValueProblem', () => {
  it('keeps percents within 0-100 and scores within 1-5', () => {
    expect(unitValueProblem('percent', 100)).toBeNull();
    expect(unitValueProblem('percent', 100.01)).toBe('must be from 0 to 100 for a value in percent');
    expect(unitValueProblem('score', 0.9)).toBe('must be from 1 to 5 for a value in score');
    expect(unitValueProblem('days', -1)).toBe('must not be negative for a value in days');
    expect(unitValueProblem('days', Number.NaN)).toBe('must be a finite number');
  });
});

describe('shareOf', () => {
  it('is blank, not zero, when a count is blank or nothing happened', () => {
    expect(shareOf(null, 10)).toBeNull();
    expect(shareOf(0, 0)).toBeNull();
    expect(shareOf(0, 10)).toBe(0);
    expect(shareOf(9123, 10000)).toBeCloseTo(91.23, 10);
  });

  it('always lies within 0-100 for valid counts', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (a, b) => {
        const [numerator, denominator] = a <= b ? [a, b] : [b, a];
        const share = shareOf(numerator, denominator);
        return denominator === 0 ? share === null : share! >= 0 && share! <= 100;
      }),
    );
    expect(SHARE_TOLERANCE).toBeLessThan(0.1);
  });
});
