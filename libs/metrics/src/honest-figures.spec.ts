import { describe, expect, it } from '@jest/globals';
import { TARGET_STATUSES } from '@yardstick/contracts';
import fc from 'fast-check';
import { aggregate, aggregateWhatCan } from './aggregation.js';
import { unendedPeriodProblem } from './due.js';
import { tallyStatuses, type TallyStatus } from './tally.js';
import {
  describeRule,
  evaluateStatus,
  roundForComparison,
  statusAgainst,
  targetProblems,
  usableTarget,
} from './target-status.js';
import { unitValueProblem, valueRangeProblem } from './units.js';

// The rules behind issue 18 ("Real files, honest headlines") and issue 16, items 12, 13 and 15.

describe('tallyStatuses: a result awaiting certification is counted apart and never leaves the denominator', () => {
  it('reads 1,302 of 1,778 (73.2%), not 1,302 of 1,468 (88.7%), when 310 misses await certification', () => {
    const statuses: TallyStatus[] = [
      ...Array<TallyStatus>(1302).fill('met'),
      ...Array<TallyStatus>(100).fill('near'),
      ...Array<TallyStatus>(66).fill('not_met'),
      ...Array<TallyStatus>(310).fill('awaiting_certification'),
      ...Array<TallyStatus>(21).fill('not_applicable'),
    ];
    const tally = tallyStatuses(statuses);
    expect(tally).toMatchObject({ met: 1302, awaitingCertification: 310, assessed: 1778, notApplicable: 21 });
    expect(tally.share!.toFixed(1)).toBe('73.2');
  });

  const status = fc.constantFrom<TallyStatus>(...TARGET_STATUSES, 'awaiting_certification');
  it('never raises the share when a standard awaits certification instead of being counted', () => {
    fc.assert(
      fc.property(fc.array(status, { maxLength: 40 }), fc.integer({ min: 1, max: 10 }), (statuses, awaiting) => {
        const without = tallyStatuses(statuses);
        const withAwaiting = tallyStatuses([
          ...statuses,
          ...Array<TallyStatus>(awaiting).fill('awaiting_certification'),
        ]);
        expect(withAwaiting.assessed).toBe(without.assessed + awaiting);
        if (without.share !== null) expect(withAwaiting.share!).toBeLessThanOrEqual(without.share);
        // Every standard is counted once, in exactly one place.
        const t = withAwaiting;
        expect(t.met + t.near + t.notMet + t.noData + t.notApplicable + t.awaitingCertification).toBe(
          statuses.length + awaiting,
        );
      }),
    );
  });
});

describe("the source's rounding rule", () => {
  it('rounds half to even before comparing: 51,811 of 51,813 meets 100% at 2 decimals of a percent', () => {
    const value = (51811 / 51813) * 100;
    expect(evaluateStatus({ value, target: { value: 100 }, direction: 'higher_is_better' })).toBe('near');
    expect(evaluateStatus({ value, target: { value: 100 }, direction: 'higher_is_better', rounding: 2 })).toBe('met');
    expect(roundForComparison(0.90625, 4)).toBe(0.9062);
    expect(roundForComparison(0.90635, 4)).toBe(0.9064);
    expect(roundForComparison(12.3456, null)).toBe(12.3456);
    expect(() => roundForComparison(1, 1.5)).toThrow(RangeError);
  });

  it('says so in "how the status is decided", and the default stays exact', () => {
    const rule = { direction: 'higher_is_better', nearTolerance: null, unit: 'percent' } as const;
    expect(describeRule(rule)).not.toMatch(/rounded/);
    expect(describeRule({ ...rule, resultRounding: 2 })).toMatch(
      /first rounded to 2 decimals, half to even \(99\.996% counts as 100%\), as the source of the figures rounds it/,
    );
  });
});

describe('targets: one check for the API and every import; reads never throw on stored data', () => {
  it('refuses a within-range target without min and max, and a value where a range is needed', () => {
    expect(targetProblems('within_range', 'percent', { value: 55, min: null, max: null })).toEqual([
      { field: 'minValue', reason: 'is required for a within-range measure' },
      { field: 'maxValue', reason: 'is required for a within-range measure' },
      { field: 'value', reason: 'must be left out for a within-range measure: give minValue and maxValue' },
    ]);
    expect(targetProblems('higher_is_better', 'score', { value: 6, min: null, max: null })).toEqual([
      { field: 'value', value: 6, reason: 'must be from 1 to 5 for a value in score' },
    ]);
    expect(targetProblems('higher_is_better', 'score', { value: 6, min: null, max: null }, { min: 1, max: 7 })).toEqual(
      [],
    );
  });

  it('assesses nothing against a stored target that cannot be used, instead of throwing', () => {
    const rule = { direction: 'within_range', nearTolerance: null } as const;
    expect(usableTarget('within_range', { value: 55, min: null, max: null })).toMatchObject({ target: null });
    expect(statusAgainst(rule, { value: 55, min: null, max: null }, 44)).toBe('not_applicable');
    expect(statusAgainst(rule, { value: null, min: 0, max: 2 }, -1)).toBe('not_met');
    expect(statusAgainst(rule, { value: null, min: 0, max: 2 }, 1)).toBe('met');
  });
});

describe('declared ranges: scales and percents that may be negative', () => {
  it('takes a 1-7, 1-10 or 0-10 scale, and a percent without bounds, where the standard declares them', () => {
    expect(unitValueProblem('score', 6.5)).toBe('must be from 1 to 5 for a value in score');
    expect(unitValueProblem('score', 6.5, { min: 1, max: 7 })).toBeNull();
    expect(unitValueProblem('score', 0, { min: 0, max: 10 })).toBeNull();
    expect(unitValueProblem('score', 11, { min: 1, max: 10 })).toBe(
      "must be from 1 to 10 for this standard's declared range (1 to 10)",
    );
    expect(unitValueProblem('percent', -0.47)).toBe('must be from 0 to 100 for a value in percent');
    expect(unitValueProblem('percent', -0.47, { min: null, max: null })).toBeNull();
    expect(unitValueProblem('percent', 104, { min: -100, max: null })).toBeNull();
    expect(unitValueProblem('percent', -101, { min: -100, max: null })).toBe(
      "must not be below -100 for this standard's declared range (-100 or more)",
    );
  });

  it('accepts only the known scales for a score, and a range whose min is below its max', () => {
    expect(valueRangeProblem('score', { min: 1, max: 7 })).toBeNull();
    expect(valueRangeProblem('score', { min: 2, max: 9 })).toMatch(/one of the scales 1-5, 1-7, 1-10, 0-10/);
    expect(valueRangeProblem('percent', { min: 5, max: 5 })).toBe('min (5) must be below max (5)');
    expect(valueRangeProblem('percent', null)).toBeNull();
  });
});

describe('unendedPeriodProblem: results are for periods that are over', () => {
  it('refuses a period that has not ended, its last day included, and takes it the day after', () => {
    expect(unendedPeriodProblem('FY2028-Q1', '2026-11-16')).toMatch(
      /FY2028-Q1 has not ended yet \(it ends on 2027-12-31/,
    );
    expect(unendedPeriodProblem('2027-06', '2026-11-16')).toMatch(/has not ended yet/);
    expect(unendedPeriodProblem('FY2027-Q1', '2026-12-31')).toMatch(/has not ended yet/);
    expect(unendedPeriodProblem('FY2027-Q1', '2027-01-01')).toBeNull();
  });
});

describe('aggregateWhatCan: one value-only month does not hide a year', () => {
  it('combines the months with counts and names the one without', () => {
    const parts = [
      { value: 90, numerator: 90, denominator: 100 },
      { value: 50 },
      { value: 70, numerator: 70, denominator: 100 },
    ];
    expect(aggregate('share_meeting_threshold', parts).value).toBeNull();
    const combined = aggregateWhatCan('share_meeting_threshold', parts);
    expect(combined).toMatchObject({ value: 80, numerator: 160, denominator: 200, combined: 2 });
    expect(combined.leftOut).toEqual([
      { index: 1, reason: 'it gives a percentage without the counts behind it, and percentages are never averaged' },
    ]);
  });

  it('agrees with aggregate whenever every part can be combined, and never averages percentages', () => {
    const sharePart = fc
      .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 }))
      .map(([a, b]) => ({ numerator: Math.min(a, b), denominator: b, value: (Math.min(a, b) / b) * 100 }));
    const valueOnly = fc.double({ min: 0, max: 100, noNaN: true }).map((value) => ({ value }));
    fc.assert(
      fc.property(fc.array(fc.oneof(sharePart, valueOnly), { minLength: 2, maxLength: 8 }), (parts) => {
        const combined = aggregateWhatCan('share_meeting_threshold', parts);
        const counted = parts.filter((p) => 'numerator' in p);
        expect(combined.combined + combined.leftOut.length).toBe(parts.length);
        if (counted.length === parts.length)
          expect(combined.value).toBe(aggregate('share_meeting_threshold', parts).value);
        if (counted.length > 0) expect(combined.value).toBe(aggregate('share_meeting_threshold', counted).value);
        else expect(combined.value).toBeNull();
      }),
    );
  });
});
