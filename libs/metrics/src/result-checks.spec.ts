import { describe, expect, it } from '@jest/globals';
import { ALL_CHANNELS, CHANNELS, COMPUTATIONS, UNITS } from '@yardstick/contracts';
import fc from 'fast-check';
import { fiscalCalendar, tryParsePeriodKey } from './fiscal-calendar.js';
import {
  RESULT_PROBLEM_REASONS,
  resultProblems,
  resultValue,
  type ResultFigures,
  type ResultStandardFacts,
} from './result-checks.js';

const SHARE: ResultStandardFacts = {
  code: 'PPT-RENEW',
  computation: 'share_meeting_threshold',
  unit: 'percent',
  valueRange: null,
  frequency: 'month',
  channelScope: [],
};
const MEAN_DAYS: ResultStandardFacts = { ...SHARE, computation: 'mean', unit: 'days', frequency: 'quarter' };

function figures(overrides: Partial<ResultFigures> = {}): ResultFigures {
  return {
    period: '2026-03',
    channel: ALL_CHANNELS,
    value: 91.2,
    numerator: null,
    denominator: null,
    dataQualityNote: null,
    ...overrides,
  };
}

describe('resultProblems', () => {
  it('finds nothing wrong with a good result, given as text or parsed', () => {
    expect(resultProblems(figures(), SHARE, { today: '2026-04-01' })).toEqual([]);
    expect(resultProblems(figures({ period: tryParsePeriodKey('2026-03') }), SHARE)).toEqual([]);
    expect(resultProblems(figures({ value: null, numerator: 9123, denominator: 10000 }), SHARE)).toEqual([]);
    expect(resultProblems(figures({ period: ' fy2026-q2 ', value: 4.5 }), MEAN_DAYS)).toEqual([]);
  });

  it('returns every problem at once, each naming its field and value', () => {
    expect(
      resultProblems(
        figures({ period: 'FY2026-Q2', channel: 'phone', value: 120, numerator: 5, denominator: null }),
        { ...SHARE, channelScope: ['online'] },
        { today: '2026-03-31' },
      ),
    ).toEqual([
      { field: 'period', value: 'FY2026-Q2', reason: 'is a quarter, but this standard is reported by month' },
      {
        field: 'period',
        value: 'FY2026-Q2',
        reason:
          'FY2026-Q2 has not ended yet (it ends on 2026-03-31; today is 2026-03-31): a result is recorded once its period is over',
      },
      { field: 'channel', value: 'phone', reason: "is not one of this standard's channels (online)" },
      { field: 'denominator', reason: 'is required: numerator and denominator come together' },
      { field: 'value', value: 120, reason: 'must be from 0 to 100 for a value in percent' },
    ]);
  });

  it('says the same about counts with and without the standard', () => {
    const cases: [Partial<ResultFigures>, string][] = [
      [{ value: 50, numerator: 0, denominator: 0 }, RESULT_PROBLEM_REASONS.nothingToMeasure],
      [{ value: 91.3, numerator: 9123, denominator: 10000 }, 'disagrees with numerator/denominator, which make 91.23%'],
      [{ value: null, numerator: 11, denominator: 10 }, 'must not be above the denominator (10)'],
      [{ value: null, numerator: 0, denominator: 0 }, RESULT_PROBLEM_REASONS.noteRequired],
    ];
    for (const [overrides, reason] of cases) {
      expect(resultProblems(figures(overrides), SHARE).map((p) => p.reason)).toEqual([reason]);
      expect(resultProblems(figures(overrides), null).map((p) => p.reason)).toEqual([reason]);
    }
    expect(RESULT_PROBLEM_REASONS.nothingToMeasure).toBe(
      'must be blank when the denominator is 0 (there was nothing to measure)',
    );
  });

  it('refuses counts for a standard that is not a share, and a % sign on another unit', () => {
    expect(resultProblems(figures({ value: 3, numerator: 1, denominator: 2 }), MEAN_DAYS).map((p) => p.reason)).toEqual(
      ['is a month, but this standard is reported by quarter', RESULT_PROBLEM_REASONS.countsOnlyForShare],
    );
    expect(resultProblems(figures({ period: 'FY2026-Q2', value: 3, valueHasPercentSign: true }), MEAN_DAYS)).toEqual([
      { field: 'value', value: 3, reason: 'has a % sign, but standard PPT-RENEW is measured in days' },
    ]);
  });

  it('explains a period it cannot read, and one a spreadsheet made a date', () => {
    expect(resultProblems(figures({ period: null }), null)).toEqual([
      { field: 'period', reason: RESULT_PROBLEM_REASONS.periodRequired },
    ]);
    expect(resultProblems(figures({ period: 'March' }), null)).toEqual([
      { field: 'period', value: 'March', reason: RESULT_PROBLEM_REASONS.periodFormat },
    ]);
    expect(resultProblems(figures({ period: '2026-03-01' }), null)[0]!.reason).toBe(
      RESULT_PROBLEM_REASONS.periodLooksLikeDate,
    );
  });

  it("dates a written period in the agency's calendar", () => {
    const april = { ...MEAN_DAYS, calendar: fiscalCalendar(4) };
    // FY2026-Q4 ends in March 2026 for a year that starts in April, in September 2026 for the US.
    expect(resultProblems(figures({ period: 'FY2026-Q4', value: 1 }), april, { today: '2026-04-01' })).toEqual([]);
    expect(resultProblems(figures({ period: 'FY2026-Q4', value: 1 }), MEAN_DAYS, { today: '2026-04-01' })).toHaveLength(
      1,
    );
  });

  const standards = fc.record({
    code: fc.string({ minLength: 1, maxLength: 8 }),
    computation: fc.constantFrom(...COMPUTATIONS),
    unit: fc.constantFrom(...UNITS),
    valueRange: fc.constant(null),
    frequency: fc.constantFrom('month' as const, 'quarter' as const, 'year' as const),
    channelScope: fc.subarray([...CHANNELS]),
  });
  const anyFigures = fc.record({
    period: fc.oneof(fc.constantFrom('2026-03', 'FY2026-Q2', 'FY2026', '2026-03-01', 'nope', ''), fc.constant(null)),
    channel: fc.constantFrom(ALL_CHANNELS, ...CHANNELS),
    value: fc.option(fc.double({ min: -10, max: 1000, noNaN: true }), { nil: null }),
    valueHasPercentSign: fc.boolean(),
    numerator: fc.option(fc.nat(200), { nil: null }),
    denominator: fc.option(fc.nat(200), { nil: null }),
    dataQualityNote: fc.option(fc.constantFrom('', 'outage'), { nil: null }),
  });

  it('names a field, and gives a reason, with every problem', () => {
    fc.assert(
      fc.property(anyFigures, fc.option(standards, { nil: null }), (result, standard) => {
        for (const problem of resultProblems(result, standard, { today: '2026-11-16' })) {
          expect(['period', 'channel', 'value', 'numerator', 'denominator', 'dataQualityNote']).toContain(
            problem.field,
          );
          expect(problem.reason.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('finds no problem with a valid result, and its value is within the unit', () => {
    // A share is a percent (a standard's own rule); the other computations take any unit.
    const valid = standards.chain((drawn) => {
      const standard = drawn.computation === 'share_meeting_threshold' ? { ...drawn, unit: 'percent' as const } : drawn;
      return fc
        .record({
          period: fc.constant({ month: '2026-03', quarter: 'FY2026-Q2', year: 'FY2025' }[standard.frequency]),
          channel: standard.channelScope.length > 0 ? fc.constantFrom(...standard.channelScope) : fc.constant('all'),
          counts:
            standard.computation === 'share_meeting_threshold'
              ? fc.option(
                  fc.nat(1000).chain((d) => fc.tuple(fc.nat(d), fc.constant(d + 1))),
                  { nil: null },
                )
              : fc.constant(null),
          value: fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }),
        })
        .map(({ period, channel, counts, value }) => ({
          standard,
          result: {
            period,
            channel,
            numerator: counts?.[0] ?? null,
            denominator: counts?.[1] ?? null,
            value: counts ? null : value,
            valueHasPercentSign: false,
            dataQualityNote: counts || value !== null ? null : 'not measured: system outage',
          } satisfies ResultFigures,
        }));
    });
    fc.assert(
      fc.property(valid, ({ standard, result }) => {
        expect(resultProblems(result, standard, { today: '2026-11-16' })).toEqual([]);
        // Without the standard, fewer checks: still nothing wrong.
        expect(resultProblems(result, null, { today: '2026-11-16' })).toEqual([]);
        const value = resultValue(result, standard);
        if (value !== null) expect(value).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('finds every problem of the standard-free checks again once the standard is known', () => {
    // Every problem found without the standard is found with it too (the importer asks twice).
    fc.assert(
      fc.property(anyFigures, standards, (result, standard) => {
        const without = resultProblems(result, null).filter((p) => p.reason !== RESULT_PROBLEM_REASONS.noteRequired);
        const withStandard = resultProblems(result, { ...standard, computation: 'share_meeting_threshold' });
        for (const problem of without) expect(withStandard).toContainEqual(problem);
      }),
    );
  });
});
