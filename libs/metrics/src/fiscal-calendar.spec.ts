import { describe, expect, it } from '@jest/globals';
import {
  comparePeriods,
  containsPeriod,
  dueDate,
  fiscalQuarterOf,
  fiscalYearEnd,
  fiscalYearOf,
  fiscalYearPeriod,
  fiscalYearStart,
  formatPeriodKey,
  formatPeriodLabel,
  isFrequency,
  isOverdue,
  monthPeriod,
  nextPeriod,
  normalizePeriodKey,
  parsePeriodKey,
  PeriodKeyError,
  periodContainsDate,
  periodOf,
  periodsBetween,
  periodsInFiscalYear,
  previousPeriod,
  quarterPeriod,
  shiftPeriod,
  toPeriod,
  tryParsePeriodKey,
  type Frequency,
} from './fiscal-calendar.js';

const keys = (periods: { key: string }[]) => periods.map((p) => p.key);

describe('fiscal year and quarter of a date', () => {
  it.each([
    ['2025-09-30', 2025, 4],
    ['2025-10-01', 2026, 1],
    ['2025-12-31', 2026, 1],
    ['2026-01-01', 2026, 2],
    ['2026-03-31', 2026, 2],
    ['2026-04-01', 2026, 3],
    ['2026-06-30', 2026, 3],
    ['2026-07-01', 2026, 4],
    ['2026-09-30', 2026, 4],
    ['2026-10-01', 2027, 1],
  ])('%s is in FY%i Q%i', (date, fiscalYear, quarter) => {
    expect(fiscalYearOf(date)).toBe(fiscalYear);
    expect(fiscalQuarterOf(date)).toBe(quarter);
    expect(periodOf(date, 'quarter').key).toBe(`FY${fiscalYear}-Q${quarter}`);
  });

  it('reads a Date through its UTC fields, not the local zone', () => {
    // 30 Sep 23:30 in New York is already 1 Oct in UTC.
    const date = new Date('2026-09-30T23:30:00-04:00');
    expect(fiscalYearOf(date)).toBe(2027);
    expect(periodOf(date, 'month').key).toBe('2026-10');
    expect(fiscalYearOf(new Date(Date.UTC(2026, 8, 30, 23, 59, 59, 999)))).toBe(2026);
  });

  it('gives the fiscal year bounds', () => {
    expect(fiscalYearStart(2026)).toBe('2025-10-01');
    expect(fiscalYearEnd(2026)).toBe('2026-09-30');
  });

  it('rejects bad dates and fiscal years out of range', () => {
    expect(() => fiscalYearOf('2026-02-30')).toThrow(RangeError);
    expect(() => fiscalYearOf('2026-3-1')).toThrow(RangeError);
    expect(() => fiscalYearOf('2026-03-01T00:00:00Z')).toThrow(RangeError);
    expect(() => fiscalYearOf(new Date('nonsense'))).toThrow(RangeError);
    expect(() => fiscalYearOf('2999-10-01')).toThrow(/FY3000 is outside the supported range FY1900-FY2999/);
    expect(fiscalYearOf('2999-09-30')).toBe(2999);
    expect(fiscalYearOf('1899-10-01')).toBe(1900);
    expect(() => fiscalYearStart(1899)).toThrow(RangeError);
    expect(() => fiscalYearEnd(2026.5)).toThrow(RangeError);
  });
});

describe('periods', () => {
  it('builds a month', () => {
    expect(periodOf('2026-03-15', 'month')).toEqual({
      frequency: 'month',
      fiscalYear: 2026,
      quarter: 2,
      month: 3,
      start: '2026-03-01',
      end: '2026-03-31',
      key: '2026-03',
    });
    expect(monthPeriod(2025, 10)).toMatchObject({ fiscalYear: 2026, quarter: 1, key: '2025-10' });
  });

  it('ends February on the 29th in leap years only', () => {
    expect(parsePeriodKey('2028-02').end).toBe('2028-02-29');
    expect(parsePeriodKey('2026-02').end).toBe('2026-02-28');
    expect(parsePeriodKey('2000-02').end).toBe('2000-02-29');
    expect(parsePeriodKey('2100-02').end).toBe('2100-02-28');
    expect(parsePeriodKey('FY2028-Q2')).toMatchObject({ start: '2028-01-01', end: '2028-03-31' });
  });

  it('builds a Q1 that spans the previous calendar year', () => {
    expect(parsePeriodKey('FY2026-Q1')).toEqual({
      frequency: 'quarter',
      fiscalYear: 2026,
      quarter: 1,
      start: '2025-10-01',
      end: '2025-12-31',
      key: 'FY2026-Q1',
    });
    expect(quarterPeriod(2026, 4)).toMatchObject({ start: '2026-07-01', end: '2026-09-30' });
  });

  it('builds a fiscal year', () => {
    expect(parsePeriodKey('FY2026')).toEqual({
      frequency: 'year',
      fiscalYear: 2026,
      start: '2025-10-01',
      end: '2026-09-30',
      key: 'FY2026',
    });
    expect(periodOf('2025-10-01', 'year').key).toBe('FY2026');
    expect(periodOf('2025-09-30', 'year').key).toBe('FY2025');
  });

  it('lists the periods of a fiscal year in fiscal order', () => {
    expect(keys(periodsInFiscalYear(2026, 'month'))).toEqual([
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
    ]);
    expect(keys(periodsInFiscalYear(2026, 'quarter'))).toEqual(['FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4']);
    expect(keys(periodsInFiscalYear(2026, 'year'))).toEqual(['FY2026']);
  });

  it('rebuilds a period from its fields, ignoring stale derived values and treating null as absent', () => {
    const stale = { ...parsePeriodKey('2026-03'), start: '1999-01-01', key: 'junk' };
    expect(toPeriod(stale)).toEqual(parsePeriodKey('2026-03'));
    const row = { frequency: 'quarter', fiscalYear: 2026, quarter: 2, month: null } as unknown as Parameters<
      typeof toPeriod
    >[0];
    expect(toPeriod(row).key).toBe('FY2026-Q2');
  });

  it('rejects inconsistent fields', () => {
    expect(() => toPeriod({ frequency: 'month', fiscalYear: 2026, month: 3, quarter: 1 })).toThrow(/Q2/);
    expect(() => toPeriod({ frequency: 'quarter', fiscalYear: 2026 })).toThrow(RangeError);
    expect(() => toPeriod({ frequency: 'quarter', fiscalYear: 2026, quarter: 2, month: 3 })).toThrow(RangeError);
    expect(() => toPeriod({ frequency: 'year', fiscalYear: 2026, quarter: 1 })).toThrow(RangeError);
    expect(() => toPeriod({ frequency: 'month', fiscalYear: 2026, month: 13 })).toThrow(RangeError);
    expect(() => toPeriod({ frequency: 'week' as Frequency, fiscalYear: 2026 })).toThrow(/Unknown frequency "week"/);
    expect(() => periodOf('2026-03-01', 'weekly' as Frequency)).toThrow(RangeError);
    expect(() => quarterPeriod(2026, 5)).toThrow(RangeError);
    expect(() => monthPeriod(2026, 0)).toThrow(RangeError);
    expect(isFrequency('quarter')).toBe(true);
    expect(isFrequency('Quarter')).toBe(false);
  });
});

describe('period keys', () => {
  it('formats keys from identifying fields', () => {
    expect(formatPeriodKey({ frequency: 'month', fiscalYear: 2026, month: 3 })).toBe('2026-03');
    expect(formatPeriodKey({ frequency: 'month', fiscalYear: 2026, month: 10 })).toBe('2025-10');
    expect(formatPeriodKey({ frequency: 'quarter', fiscalYear: 2026, quarter: 2 })).toBe('FY2026-Q2');
    expect(formatPeriodKey({ frequency: 'year', fiscalYear: 2026 })).toBe('FY2026');
  });

  it.each([
    '2026-3',
    '2026-00',
    '2026-13',
    '2026-03-01',
    '202603',
    '26-03',
    'FY26',
    'FY2026Q2',
    'FY2026-Q0',
    'FY2026-Q5',
    'FY2026-q2',
    'fy2026-q2',
    'fy2026',
    'FY 2026',
    'FY2026 Q2',
    ' 2026-03',
    '2026-03 ',
    '2026-03\n',
    'FY02026',
    '２０２６-03',
    '',
    'Q2 FY2026',
  ])('rejects the non-canonical key %j', (key) => {
    expect(() => parsePeriodKey(key)).toThrow(PeriodKeyError);
    expect(tryParsePeriodKey(key)).toBeNull();
  });

  it('says what was expected, and keeps the key', () => {
    let caught: unknown;
    try {
      parsePeriodKey('2026-13');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PeriodKeyError);
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toMatchObject({
      name: 'PeriodKeyError',
      key: '2026-13',
      message:
        'Period "2026-13" is not valid: expected a month like 2026-03, a quarter like FY2026-Q2 or a fiscal year like FY2026',
    });
  });

  it('explains keys outside the supported years', () => {
    expect(() => parsePeriodKey('FY3000')).toThrow(
      'Period "FY3000" is not valid: FY3000 is outside the supported range FY1900-FY2999',
    );
    expect(() => parsePeriodKey('FY1899-Q4')).toThrow(/outside the supported range/);
    expect(() => parsePeriodKey('2999-10')).toThrow(
      'Period "2999-10" is not valid: it falls in FY3000, outside the supported range FY1900-FY2999',
    );
    expect(parsePeriodKey('2999-09').key).toBe('2999-09');
    expect(parsePeriodKey('1899-10').fiscalYear).toBe(1900);
    expect(() => parsePeriodKey('1899-09')).toThrow(PeriodKeyError);
  });

  it('shortens a huge key in the message but keeps it whole on the error', () => {
    const key = 'x'.repeat(10_000);
    const error = (() => {
      try {
        parsePeriodKey(key);
      } catch (e) {
        return e as PeriodKeyError;
      }
      throw new Error('expected a throw');
    })();
    expect(error.key).toBe(key);
    expect(error.message.length).toBeLessThan(200);
  });

  it('rejects non-strings at run time', () => {
    expect(() => parsePeriodKey(202603 as unknown as string)).toThrow(PeriodKeyError);
    expect(tryParsePeriodKey(null as unknown as string)).toBeNull();
  });

  it('normalizes case and surrounding whitespace only', () => {
    expect(normalizePeriodKey(' fy2026-q2 ')).toBe('FY2026-Q2');
    expect(normalizePeriodKey('fy2026\t')).toBe('FY2026');
    expect(normalizePeriodKey('\u00a02026-03\r\n')).toBe('2026-03');
    expect(normalizePeriodKey('FY2026-Q2')).toBe('FY2026-Q2');
    expect(() => normalizePeriodKey('2026-3')).toThrow(PeriodKeyError);
    expect(() => normalizePeriodKey('FY26')).toThrow(PeriodKeyError);
    expect(() => normalizePeriodKey('fy 2026')).toThrow(PeriodKeyError);
    expect(() => normalizePeriodKey(' fy2026-q7 ')).toThrow(expect.objectContaining({ key: ' fy2026-q7 ' }));
  });
});

describe('labels', () => {
  it.each([
    ['2026-03', 'March 2026'],
    ['2025-12', 'December 2025'],
    ['FY2026-Q1', 'FY2026 Q1 (Oct-Dec 2025)'],
    ['FY2026-Q2', 'FY2026 Q2 (Jan-Mar 2026)'],
    ['FY2026-Q4', 'FY2026 Q4 (Jul-Sep 2026)'],
    ['FY2026', 'FY2026 (Oct 2025-Sep 2026)'],
  ])('%s reads %s', (key, label) => {
    expect(formatPeriodLabel(key)).toBe(label);
    expect(formatPeriodLabel(parsePeriodKey(key))).toBe(label);
  });
});

describe('navigation', () => {
  it('steps across fiscal and calendar year boundaries', () => {
    expect(nextPeriod('2025-09').key).toBe('2025-10');
    expect(nextPeriod('2025-12').key).toBe('2026-01');
    expect(previousPeriod('2026-01').key).toBe('2025-12');
    expect(nextPeriod('FY2026-Q4').key).toBe('FY2027-Q1');
    expect(previousPeriod('FY2026-Q1').key).toBe('FY2025-Q4');
    expect(nextPeriod('FY2026').key).toBe('FY2027');
    expect(shiftPeriod('2026-03', -12).key).toBe('2025-03');
    expect(shiftPeriod('FY2026-Q2', 7).key).toBe('FY2028-Q1');
    expect(shiftPeriod('FY2026', 0).key).toBe('FY2026');
  });

  it('stops at the ends of the supported range', () => {
    expect(() => nextPeriod('2999-09')).toThrow(RangeError);
    expect(() => previousPeriod('1899-10')).toThrow(RangeError);
    expect(() => nextPeriod('FY2999')).toThrow(RangeError);
    expect(() => previousPeriod('FY1900-Q1')).toThrow(RangeError);
    expect(() => shiftPeriod('FY2026', 0.5)).toThrow(RangeError);
  });

  it('lists periods between two keys, inclusive', () => {
    expect(keys(periodsBetween('2025-11', '2026-02'))).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(keys(periodsBetween('FY2025-Q4', 'FY2026-Q2'))).toEqual(['FY2025-Q4', 'FY2026-Q1', 'FY2026-Q2']);
    expect(keys(periodsBetween('FY2026', 'FY2026'))).toEqual(['FY2026']);
  });

  it('refuses mixed frequencies and reversed ranges', () => {
    expect(() => periodsBetween('2026-03', 'FY2026-Q2')).toThrow(/frequencies differ/);
    expect(() => periodsBetween('FY2026', '2026-03')).toThrow(RangeError);
    expect(() => periodsBetween('2026-03', '2026-02')).toThrow(/comes after/);
    expect(() => periodsBetween('2026-03', '2026-3')).toThrow(PeriodKeyError);
  });
});

describe('containment and order', () => {
  it('nests months in quarters in years', () => {
    expect(containsPeriod('FY2026', 'FY2026-Q2')).toBe(true);
    expect(containsPeriod('FY2026-Q2', '2026-03')).toBe(true);
    expect(containsPeriod('FY2026', '2025-10')).toBe(true);
    expect(containsPeriod('FY2026', '2025-09')).toBe(false);
    expect(containsPeriod('FY2026', '2026-10')).toBe(false);
    expect(containsPeriod('FY2026-Q1', '2026-01')).toBe(false);
    expect(containsPeriod('2026-03', 'FY2026-Q2')).toBe(false);
    expect(containsPeriod('FY2026-Q2', 'FY2026-Q2')).toBe(true);
    expect(containsPeriod('FY2027', 'FY2026-Q2')).toBe(false);
  });

  it('tests dates against a period, inclusive at both ends', () => {
    expect(periodContainsDate('FY2026-Q1', '2025-10-01')).toBe(true);
    expect(periodContainsDate('FY2026-Q1', '2025-12-31')).toBe(true);
    expect(periodContainsDate('FY2026-Q1', '2025-09-30')).toBe(false);
    expect(periodContainsDate('FY2026-Q1', '2026-01-01')).toBe(false);
  });

  it('sorts a mixed list as an outline', () => {
    const shuffled = ['2025-11', 'FY2026-Q2', '2025-10', 'FY2025', 'FY2026-Q1', 'FY2026', '2026-01'];
    expect([...shuffled].sort(comparePeriods)).toEqual([
      'FY2025',
      'FY2026',
      'FY2026-Q1',
      '2025-10',
      '2025-11',
      'FY2026-Q2',
      '2026-01',
    ]);
    expect(comparePeriods('FY2026-Q2', parsePeriodKey('FY2026-Q2'))).toBe(0);
  });
});

describe('due and overdue', () => {
  it('adds grace days to the last day of the period', () => {
    expect(dueDate('FY2026-Q1', 0)).toBe('2025-12-31');
    expect(dueDate('FY2026-Q1', 45)).toBe('2026-02-14');
    expect(dueDate('2028-02', 1)).toBe('2028-03-01');
    expect(dueDate('2026-02', 1)).toBe('2026-03-01');
    expect(dueDate(fiscalYearPeriod(2026), 30)).toBe('2026-10-30');
  });

  it('is overdue only after the due date', () => {
    expect(isOverdue('2026-03', 15, '2026-04-15')).toBe(false);
    expect(isOverdue('2026-03', 15, '2026-04-16')).toBe(true);
    expect(isOverdue('2026-03', 0, '2026-03-31')).toBe(false);
    expect(isOverdue('2026-03', 0, new Date('2026-04-01T00:00:00Z'))).toBe(true);
    expect(isOverdue('2026-03', 0, new Date('2026-03-31T23:59:59Z'))).toBe(false);
  });

  it('rejects negative or fractional grace', () => {
    expect(() => dueDate('2026-03', -1)).toThrow(RangeError);
    expect(() => dueDate('2026-03', 1.5)).toThrow(RangeError);
    expect(() => isOverdue('2026-03', Number.NaN, '2026-05-01')).toThrow(RangeError);
  });
});
