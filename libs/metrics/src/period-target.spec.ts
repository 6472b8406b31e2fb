import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { fiscalCalendar, monthPeriod, quarterPeriod, fiscalYearPeriod } from './fiscal-calendar.js';
import { judgeForPeriod, targetForPeriod, type PeriodTarget } from './period-target.js';
import type { StatusRule } from './target-status.js';

const target = (fiscalYear: number, quarter: number, value: number): PeriodTarget => ({
  fiscalYear,
  quarter,
  value,
  minValue: null,
  maxValue: null,
});
const rule: StatusRule = { direction: 'higher_is_better', nearTolerance: null };

describe('targetForPeriod', () => {
  const targets = [target(2026, 0, 90), target(2026, 2, 80)];

  it("takes the quarter's target for a month or quarter inside it, else the year's", () => {
    expect(targetForPeriod(targets, '2026-01')?.value).toBe(80); // January is in FY2026 Q2
    expect(targetForPeriod(targets, 'FY2026-Q2')?.value).toBe(80);
    expect(targetForPeriod(targets, '2025-11')?.value).toBe(90); // Q1: no quarter target
    expect(targetForPeriod(targets, 'FY2026-Q3')?.value).toBe(90);
    expect(targetForPeriod(targets, 'FY2026')?.value).toBe(90);
    expect(targetForPeriod(targets, '2027-01')).toBeNull();
  });

  it('reads a null quarter as the whole year, as the API sends it', () => {
    expect(targetForPeriod([{ fiscalYear: 2026, quarter: null, value: 1 }], '2026-01')?.value).toBe(1);
  });

  it("reads the period in the agency's calendar", () => {
    const april = fiscalCalendar(4);
    // July 2026 is in FY2027 Q2 of a year starting in April; in the October calendar it is FY2026 Q4.
    const canadian = [target(2027, 0, 90), target(2027, 2, 80)];
    expect(targetForPeriod(canadian, '2026-07', april)?.value).toBe(80);
    expect(targetForPeriod(canadian, '2026-07')).toBeNull();
    expect(targetForPeriod(canadian, monthPeriod(2026, 7, april))?.value).toBe(80);
  });

  it('is always the target of the quarter containing a month when there is one (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 2000, max: 2100 }),
        fc.boolean(),
        (startMonth, month, year, withQuarter) => {
          const calendar = fiscalCalendar(startMonth);
          const period = monthPeriod(year, month, calendar);
          const quarter = quarterPeriod(period.fiscalYear, period.quarter!, calendar);
          const targets = [
            target(period.fiscalYear, 0, 90),
            ...(withQuarter ? [target(period.fiscalYear, period.quarter!, 80)] : []),
          ];
          const expected = withQuarter ? 80 : 90;
          expect(targetForPeriod(targets, period.key, calendar)?.value).toBe(expected);
          expect(targetForPeriod(targets, quarter.key, calendar)?.value).toBe(expected);
          expect(targetForPeriod(targets, fiscalYearPeriod(period.fiscalYear, calendar))?.value).toBe(90);
        },
      ),
    );
  });
});

describe('judgeForPeriod', () => {
  it('judges 85% in January against the Q2 target of 80, not the year target of 90 (issue 17)', () => {
    const targets = [target(2026, 0, 90), target(2026, 2, 80)];
    expect(judgeForPeriod(rule, targets, '2026-01', 85)).toEqual({ target: targets[1], status: 'met' });
    expect(judgeForPeriod(rule, targets, '2025-12', 85)).toEqual({ target: targets[0], status: 'not_met' });
  });

  it('is not applicable without a target, and no data for a blank under one', () => {
    expect(judgeForPeriod(rule, [], '2026-01', 85)).toEqual({ target: null, status: 'not_applicable' });
    expect(judgeForPeriod(rule, [target(2026, 0, 90)], '2026-01', null).status).toBe('no_data');
  });
});
