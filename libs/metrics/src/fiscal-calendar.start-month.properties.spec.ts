import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { resultDueState } from './due.js';
import {
  comparePeriods,
  dueDate,
  fiscalCalendar,
  fiscalQuarterOf,
  fiscalYearEnd,
  fiscalYearOf,
  fiscalYearPeriod,
  fiscalYearStart,
  formatFiscalYearName,
  formatFiscalYearSpan,
  formatPeriodLabel,
  FREQUENCIES,
  MAX_FISCAL_YEAR,
  MIN_FISCAL_YEAR,
  nextPeriod,
  parsePeriodKey,
  periodContainsDate,
  periodOf,
  periodsBetween,
  periodsInFiscalYear,
  previousPeriod,
  quarterPeriod,
  shiftPeriod,
  toPeriod,
  tryParsePeriodKey,
  US_FEDERAL_CALENDAR,
  type FiscalCalendar,
  type Period,
} from './fiscal-calendar.js';

// Oracles use the built-in Date in UTC, independently of the code under test.
const utcDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoOf = (date: Date) => date.toISOString().slice(0, 10);
const addDaysOracle = (iso: string, days: number) => isoOf(new Date((utcDay(iso) + days) * 86_400_000));
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const startMonth = fc.integer({ min: 1, max: 12 });
const calendar = startMonth.map((m) => fiscalCalendar(m));
const fiscalYear = fc.integer({ min: MIN_FISCAL_YEAR, max: MAX_FISCAL_YEAR });
// Years with six neighbours on both sides, for stepping forward and back.
const innerFiscalYear = fc.integer({ min: MIN_FISCAL_YEAR + 6, max: MAX_FISCAL_YEAR - 6 });
const frequency = fc.constantFrom(...FREQUENCIES);

/** A calendar and a date inside its supported range. */
const calendarAndDate = calendar.chain((cal) =>
  fc
    .date({
      min: new Date(`${fiscalYearStart(MIN_FISCAL_YEAR, cal)}T00:00:00.000Z`),
      max: new Date(`${fiscalYearEnd(MAX_FISCAL_YEAR, cal)}T23:59:59.999Z`),
      noInvalidDate: true,
    })
    .map((date) => ({ cal, date })),
);

const dateInUsRange = fc.date({
  min: new Date('1899-10-01T00:00:00.000Z'),
  max: new Date('2999-09-30T23:59:59.999Z'),
  noInvalidDate: true,
});

function periodArb(cal: FiscalCalendar, years: fc.Arbitrary<number>): fc.Arbitrary<Period> {
  return fc.oneof(
    years.map((fy) => fiscalYearPeriod(fy, cal)),
    fc.tuple(years, fc.integer({ min: 1, max: 4 })).map(([fy, q]) => quarterPeriod(fy, q, cal)),
    fc.tuple(years, fc.integer({ min: 0, max: 11 })).map(([fy, i]) => periodsInFiscalYear(fy, 'month', cal)[i]!),
  );
}
const calendarAndPeriod = calendar.chain((cal) => periodArb(cal, fiscalYear).map((p) => ({ cal, p })));
const calendarAndInnerPeriod = calendar.chain((cal) => periodArb(cal, innerFiscalYear).map((p) => ({ cal, p })));

/** Reads a label back into what identifies a period (an oracle written apart from the formatter). */
function readLabel(label: string): Pick<Period, 'frequency' | 'fiscalYear' | 'quarter' | 'month'> & {
  from: string;
  to: string;
} {
  const month = /^([A-Z][a-z]+) (\d{4})$/.exec(label);
  if (month) {
    const m = LONG_MONTHS.indexOf(month[1]!) + 1;
    const key = `${month[2]}-${String(m).padStart(2, '0')}`;
    return { frequency: 'month', fiscalYear: NaN, month: m, from: key, to: key };
  }
  const quarter = /^FY(\d{4}) Q([1-4]) \(([A-Z][a-z]{2})(?: (\d{4}))?-([A-Z][a-z]{2}) (\d{4})\)$/.exec(label);
  if (quarter) {
    const [, fy, q, m1, y1, m2, y2] = quarter;
    const from = `${y1 ?? y2}-${String(MONTHS.indexOf(m1!) + 1).padStart(2, '0')}`;
    const to = `${y2}-${String(MONTHS.indexOf(m2!) + 1).padStart(2, '0')}`;
    return { frequency: 'quarter', fiscalYear: Number(fy), quarter: Number(q) as 1, from, to };
  }
  const year = /^FY(\d{4}) \(([A-Z][a-z]{2}) (\d{4})-([A-Z][a-z]{2}) (\d{4})\)$/.exec(label);
  if (year) {
    const [, fy, m1, y1, m2, y2] = year;
    const from = `${y1}-${String(MONTHS.indexOf(m1!) + 1).padStart(2, '0')}`;
    const to = `${y2}-${String(MONTHS.indexOf(m2!) + 1).padStart(2, '0')}`;
    return { frequency: 'year', fiscalYear: Number(fy), from, to };
  }
  throw new Error(`unreadable label ${label}`);
}

describe('fiscal calendars that start in any month', () => {
  it('a fiscal year starts on the 1st of its start month and is named after the year it ends in', () => {
    fc.assert(
      fc.property(startMonth, fiscalYear, (m, fy) => {
        const cal = fiscalCalendar(m);
        const year = fiscalYearPeriod(fy, cal);
        expect(Number(year.start.slice(5, 7))).toBe(m);
        expect(year.start.slice(8)).toBe('01');
        expect(Number(year.end.slice(0, 4))).toBe(fy);
        expect(utcDay(addDaysOracle(year.end, 1)) - utcDay(year.start)).toBeGreaterThanOrEqual(365);
        if (fy < MAX_FISCAL_YEAR) expect(fiscalYearStart(fy + 1, cal)).toBe(addDaysOracle(year.end, 1));
      }),
    );
  });

  it('months and quarters tile the fiscal year, in order, without gaps or overlaps; quarters are 3 months', () => {
    fc.assert(
      fc.property(calendar, fiscalYear, (cal, fy) => {
        const year = fiscalYearPeriod(fy, cal);
        const months = periodsInFiscalYear(fy, 'month', cal);
        const quarters = periodsInFiscalYear(fy, 'quarter', cal);
        expect(months).toHaveLength(12);
        expect(quarters.map((q) => q.quarter)).toEqual([1, 2, 3, 4]);
        expect(periodsInFiscalYear(fy, 'year', cal)).toEqual([year]);
        for (const list of [months, quarters]) {
          expect(list[0]!.start).toBe(year.start);
          expect(list.at(-1)!.end).toBe(year.end);
          for (let i = 1; i < list.length; i++) expect(list[i]!.start).toBe(addDaysOracle(list[i - 1]!.end, 1));
          for (const p of list) expect(p.fiscalYear).toBe(fy);
        }
        quarters.forEach((q, i) => {
          const inQuarter = months.slice(3 * i, 3 * i + 3);
          expect(inQuarter[0]!.start).toBe(q.start);
          expect(inQuarter[2]!.end).toBe(q.end);
          for (const month of inQuarter) expect(month.quarter).toBe(q.quarter);
        });
        expect(months[0]!.month).toBe(cal.startMonth);
      }),
    );
  });

  it('every date belongs to exactly one fiscal year, quarter and month, and its neighbours do not hold it', () => {
    fc.assert(
      fc.property(calendarAndDate, ({ cal, date }) => {
        const day = isoOf(date);
        const year = periodOf(date, 'year', cal);
        const quarter = periodOf(date, 'quarter', cal);
        const month = periodOf(date, 'month', cal);
        for (const p of [year, quarter, month]) expect(periodContainsDate(p, day)).toBe(true);
        expect(year.fiscalYear).toBe(fiscalYearOf(date, cal));
        expect(quarter.fiscalYear).toBe(year.fiscalYear);
        expect(month.fiscalYear).toBe(year.fiscalYear);
        expect(quarter.quarter).toBe(fiscalQuarterOf(date, cal));
        expect(month.quarter).toBe(quarter.quarter);
        for (const p of [year, quarter, month]) {
          if (p.fiscalYear > MIN_FISCAL_YEAR) expect(periodContainsDate(previousPeriod(p), day)).toBe(false);
          if (p.fiscalYear < MAX_FISCAL_YEAR) expect(periodContainsDate(nextPeriod(p), day)).toBe(false);
        }
      }),
    );
  });

  it('keys and identifying fields round-trip under the calendar, and labels read back to the same period', () => {
    fc.assert(
      fc.property(calendarAndPeriod, ({ cal, p }) => {
        expect(parsePeriodKey(p.key, cal)).toEqual(p);
        expect(tryParsePeriodKey(p.key, cal)).toEqual(p);
        expect(
          toPeriod({ frequency: p.frequency, fiscalYear: p.fiscalYear, quarter: p.quarter, month: p.month }, cal),
        ).toEqual(p);
        // A Period keeps its calendar when handed back without one.
        expect(toPeriod(p)).toEqual(p);
        const label = readLabel(formatPeriodLabel(p.key, cal));
        expect(label.frequency).toBe(p.frequency);
        expect(label.from).toBe(p.start.slice(0, 7));
        expect(label.to).toBe(p.end.slice(0, 7));
        if (p.frequency !== 'month') expect(label.fiscalYear).toBe(p.fiscalYear);
        if (p.frequency === 'quarter') expect(label.quarter).toBe(p.quarter);
        if (p.frequency === 'month') expect(label.month).toBe(p.month);
      }),
    );
  });

  it('shifting steps through consecutive periods of the same calendar', () => {
    fc.assert(
      fc.property(calendarAndInnerPeriod, fc.integer({ min: -6, max: 6 }), ({ cal, p }, n) => {
        const next = nextPeriod(p, cal);
        expect(next.start).toBe(addDaysOracle(p.end, 1));
        expect(previousPeriod(next, cal)).toEqual(p);
        expect(shiftPeriod(shiftPeriod(p, n, cal), -n, cal)).toEqual(p);
        expect(periodsBetween(p, next, cal)).toEqual([p, next]);
        expect(comparePeriods(p, next, cal)).toBe(-1);
      }),
    );
  });

  it('a result is due on the last day of its period plus the grace days', () => {
    fc.assert(
      fc.property(calendarAndPeriod, fc.integer({ min: 1, max: 400 }), ({ cal, p }, grace) => {
        const due = dueDate(p.key, grace, cal);
        expect(due).toBe(addDaysOracle(p.end, grace));
        expect(dueDate(p.key, 0, cal)).toBe(p.end);
        expect(resultDueState({ period: p.key, graceDays: grace, today: p.end, hasResult: false, calendar: cal })).toBe(
          'not_due',
        );
        expect(resultDueState({ period: p.key, graceDays: grace, today: due, hasResult: false, calendar: cal })).toBe(
          'due',
        );
        expect(
          resultDueState({
            period: p.key,
            graceDays: grace,
            today: addDaysOracle(due, 1),
            hasResult: false,
            calendar: cal,
          }),
        ).toBe('overdue');
      }),
    );
  });

  it('leaving the calendar out is the October calendar', () => {
    fc.assert(
      fc.property(dateInUsRange, frequency, (date, f) => {
        expect(fiscalCalendar(10)).toBe(US_FEDERAL_CALENDAR);
        expect(periodOf(date, f)).toEqual(periodOf(date, f, fiscalCalendar(10)));
      }),
    );
  });
});

describe('the Government of Canada year (April)', () => {
  const canada = fiscalCalendar(4);

  it('runs 2023-24 from April 2023 to March 2024, FY2024, with Q1 April-June', () => {
    expect(fiscalYearPeriod(2024, canada)).toEqual({
      frequency: 'year',
      fiscalYear: 2024,
      start: '2023-04-01',
      end: '2024-03-31',
      key: 'FY2024',
      fiscalYearStartMonth: 4,
    });
    expect(formatPeriodLabel('FY2024', canada)).toBe('FY2024 (Apr 2023-Mar 2024)');
    expect(formatPeriodLabel('FY2024-Q1', canada)).toBe('FY2024 Q1 (Apr-Jun 2023)');
    expect(formatPeriodLabel('FY2024-Q4', canada)).toBe('FY2024 Q4 (Jan-Mar 2024)');
    expect(parsePeriodKey('2024-03', canada)).toMatchObject({ fiscalYear: 2024, quarter: 4 });
    expect(parsePeriodKey('2023-04', canada)).toMatchObject({ fiscalYear: 2024, quarter: 1 });
    expect(fiscalYearOf('2023-03-31', canada)).toBe(2023);
    expect(dueDate('FY2024', 90, canada)).toBe('2024-06-29');
  });

  it('names its years the Canadian way and says which months they run', () => {
    expect(formatFiscalYearName(2024, canada)).toBe('2023-24');
    expect(formatFiscalYearName(2000, canada)).toBe('1999-00');
    expect(formatFiscalYearSpan(2024, canada)).toBe('April 2023 to March 2024');
    expect(formatFiscalYearName(2026)).toBe('2026');
    expect(formatFiscalYearSpan(2026)).toBe('October 2025 to September 2026');
    expect(formatFiscalYearName(2026, fiscalCalendar(1))).toBe('2026');
    expect(formatFiscalYearSpan(2026, fiscalCalendar(1))).toBe('January 2026 to December 2026');
  });

  it('refuses a start month outside 1-12', () => {
    for (const bad of [0, 13, 4.5, Number.NaN]) expect(() => fiscalCalendar(bad)).toThrow(RangeError);
  });
});
