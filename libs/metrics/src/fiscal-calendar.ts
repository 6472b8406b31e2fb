// Fiscal calendars. By default the US federal one: FY N runs 1 Oct (N-1) to 30 Sep N; Q1 = Oct-Dec,
// Q2 = Jan-Mar, Q3 = Apr-Jun, Q4 = Jul-Sep. An agency may start its year in another month (the
// Government of Canada in April: FY2024 is April 2023 to March 2024, "2023-24"); every function
// takes an optional calendar as its last argument, October when it is left out. A fiscal year is
// always named after the calendar year it ends in, and Q1 is its first three months.
// Period keys are stored in the database and in CSV files, so there is exactly one canonical key
// per period and the strict parser accepts nothing else.
import {
  addDays,
  daysInMonth,
  formatIsoDate,
  toCalendarDate,
  toIsoDate,
  type DateInput,
  type IsoDate,
} from './iso-date.js';

export const FREQUENCIES = ['month', 'quarter', 'year'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const FISCAL_QUARTERS = [1, 2, 3, 4] as const;
export type FiscalQuarter = (typeof FISCAL_QUARTERS)[number];

/**
 * Supported fiscal years. Every period must fall inside them, so (with the October calendar) the
 * first month is 1899-10 and the last is 2999-09: a bound on fiscal years keeps every period of a
 * supported year parseable and round-trippable.
 */
export const MIN_FISCAL_YEAR = 1900;
export const MAX_FISCAL_YEAR = 2999;

/** The month (1-12) a fiscal year starts in; October (the US federal year) unless said otherwise. */
export const DEFAULT_FISCAL_YEAR_START_MONTH = 10;

/** How an agency's fiscal year falls. Build one with fiscalCalendar(). */
export type FiscalCalendar = {
  /** Calendar month 1-12 of the fiscal year's first day (the 1st). */
  readonly startMonth: number;
};

/** The US federal fiscal year (October to September), the default everywhere. */
export const US_FEDERAL_CALENDAR: FiscalCalendar = Object.freeze({ startMonth: DEFAULT_FISCAL_YEAR_START_MONTH });

export function isFiscalYearStartMonth(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 12;
}

/** A calendar whose year starts in `startMonth` (1-12; October when null or left out). */
export function fiscalCalendar(startMonth: number | null = DEFAULT_FISCAL_YEAR_START_MONTH): FiscalCalendar {
  if (startMonth === null || startMonth === undefined || startMonth === DEFAULT_FISCAL_YEAR_START_MONTH) {
    return US_FEDERAL_CALENDAR;
  }
  if (!isFiscalYearStartMonth(startMonth)) {
    throw new RangeError(`A fiscal year start month must be a whole number 1-12, got ${startMonth}`);
  }
  return Object.freeze({ startMonth });
}

/** A month, fiscal quarter or fiscal year. Build one with the functions below, not by hand. */
export type Period = {
  frequency: Frequency;
  fiscalYear: number;
  /** Set for quarters, and for months (the fiscal quarter the month falls in). */
  quarter?: FiscalQuarter;
  /** Calendar month 1-12; set for months only. */
  month?: number;
  /** First day. */
  start: IsoDate;
  /** Last day, inclusive. */
  end: IsoDate;
  /** Canonical key: `2026-03`, `FY2026-Q2` or `FY2026`. */
  key: string;
  /**
   * The calendar's start month, set only when it is not October. A Period passed back to any
   * function keeps its own calendar unless another one is given.
   */
  fiscalYearStartMonth?: number;
};

/** What identifies a period; `start`, `end` and `key` are derived. A whole Period also fits. */
export type PeriodRef = Pick<Period, 'frequency' | 'fiscalYear' | 'quarter' | 'month'>;

/** A period, its identifying fields, or its canonical key. */
export type PeriodLike = PeriodRef | string;

const EXPECTED_FORMATS = 'expected a month like 2026-03, a quarter like FY2026-Q2 or a fiscal year like FY2026';
const SUPPORTED_RANGE = `FY${MIN_FISCAL_YEAR}-FY${MAX_FISCAL_YEAR}`;

const MONTH_NAMES = [
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
] as const;

/** Thrown for a period key that is not canonical. `key` is the input as given. */
export class PeriodKeyError extends Error {
  readonly key: string;

  constructor(key: string, reason: string = EXPECTED_FORMATS) {
    super(`Period ${quoteKey(key)} is not valid: ${reason}`);
    this.name = 'PeriodKeyError';
    this.key = key;
  }
}

export function isFrequency(value: unknown): value is Frequency {
  return (FREQUENCIES as readonly unknown[]).includes(value);
}

export function isFiscalQuarter(value: unknown): value is FiscalQuarter {
  return (FISCAL_QUARTERS as readonly unknown[]).includes(value);
}

/** Fiscal year of a date: 2025-10-01 is in FY2026, 2025-09-30 in FY2025 (April calendar: 2023-04-01 is in FY2024). */
export function fiscalYearOf(date: DateInput, calendar: FiscalCalendar = US_FEDERAL_CALENDAR): number {
  const { year, month } = toCalendarDate(date);
  const fiscalYear = fiscalYearOfMonth(year, month, calendar);
  assertFiscalYear(fiscalYear);
  return fiscalYear;
}

/** Fiscal quarter (1-4) of a date: the calendar's first three months (October-December by default) are Q1. */
export function fiscalQuarterOf(date: DateInput, calendar: FiscalCalendar = US_FEDERAL_CALENDAR): FiscalQuarter {
  fiscalYearOf(date, calendar);
  return quarterOfMonth(toCalendarDate(date).month, calendar);
}

/** The first day: 1 October of the previous calendar year by default. */
export function fiscalYearStart(fiscalYear: number, calendar: FiscalCalendar = US_FEDERAL_CALENDAR): IsoDate {
  assertFiscalYear(fiscalYear);
  const { year, month } = calendarMonthOf(fiscalYear * 12, calendar);
  return formatIsoDate(year, month, 1);
}

/** The last day: 30 September by default. */
export function fiscalYearEnd(fiscalYear: number, calendar: FiscalCalendar = US_FEDERAL_CALENDAR): IsoDate {
  assertFiscalYear(fiscalYear);
  const { year, month } = calendarMonthOf(fiscalYear * 12 + 11, calendar);
  return formatIsoDate(year, month, daysInMonth(year, month));
}

/** The calendar month `month` (1-12) of calendar year `year`: `monthPeriod(2026, 3)` is `2026-03`. */
export function monthPeriod(year: number, month: number, calendar: FiscalCalendar = US_FEDERAL_CALENDAR): Period {
  assertMonth(month);
  if (!Number.isInteger(year)) throw new RangeError(`Year must be a whole number, got ${year}`);
  const fiscalYear = fiscalYearOfMonth(year, month, calendar);
  assertFiscalYear(fiscalYear);
  return withCalendar(
    {
      frequency: 'month',
      fiscalYear,
      quarter: quarterOfMonth(month, calendar),
      month,
      start: formatIsoDate(year, month, 1),
      end: formatIsoDate(year, month, daysInMonth(year, month)),
      key: `${pad(year, 4)}-${pad(month, 2)}`,
    },
    calendar,
  );
}

/** Quarter `quarter` (1-4) of fiscal year `fiscalYear`: `quarterPeriod(2026, 1)` is Oct-Dec 2025 (April calendar: Apr-Jun 2025). */
export function quarterPeriod(
  fiscalYear: number,
  quarter: number,
  calendar: FiscalCalendar = US_FEDERAL_CALENDAR,
): Period {
  assertFiscalYear(fiscalYear);
  if (!isFiscalQuarter(quarter)) throw new RangeError(`Quarter must be 1, 2, 3 or 4, got ${quarter}`);
  const first = calendarMonthOf(fiscalYear * 12 + 3 * (quarter - 1), calendar);
  const last = calendarMonthOf(fiscalYear * 12 + 3 * (quarter - 1) + 2, calendar);
  return withCalendar(
    {
      frequency: 'quarter',
      fiscalYear,
      quarter,
      start: formatIsoDate(first.year, first.month, 1),
      end: formatIsoDate(last.year, last.month, daysInMonth(last.year, last.month)),
      key: `FY${pad(fiscalYear, 4)}-Q${quarter}`,
    },
    calendar,
  );
}

export function fiscalYearPeriod(fiscalYear: number, calendar: FiscalCalendar = US_FEDERAL_CALENDAR): Period {
  return withCalendar(
    {
      frequency: 'year',
      fiscalYear,
      start: fiscalYearStart(fiscalYear, calendar),
      end: fiscalYearEnd(fiscalYear, calendar),
      key: `FY${pad(fiscalYear, 4)}`,
    },
    calendar,
  );
}

/** The period of the given frequency that contains `date`. */
export function periodOf(
  date: DateInput,
  frequency: Frequency,
  calendar: FiscalCalendar = US_FEDERAL_CALENDAR,
): Period {
  const { year, month } = toCalendarDate(date);
  switch (frequency) {
    case 'month':
      return monthPeriod(year, month, calendar);
    case 'quarter':
      return quarterPeriod(fiscalYearOf(date, calendar), quarterOfMonth(month, calendar), calendar);
    case 'year':
      return fiscalYearPeriod(fiscalYearOf(date, calendar), calendar);
    default:
      throw unknownFrequency(frequency);
  }
}

/** The calendar a period was built with (October unless it says otherwise). */
export function calendarOfPeriod(period: PeriodLike): FiscalCalendar {
  if (typeof period === 'object' && period !== null && 'fiscalYearStartMonth' in period) {
    return fiscalCalendar((period as Period).fiscalYearStartMonth ?? null);
  }
  return US_FEDERAL_CALENDAR;
}

/**
 * A full, validated Period from a key (parsed strictly) or from identifying fields (start,
 * end and key are recomputed, never trusted). Null quarter or month count as absent, as
 * they come from database rows.
 */
export function toPeriod(period: PeriodLike, calendar: FiscalCalendar = calendarOfPeriod(period)): Period {
  if (typeof period === 'string') return parsePeriodKey(period, calendar);
  if (typeof period !== 'object' || period === null) {
    throw new TypeError(`Expected a period or a period key, got ${String(period)}`);
  }
  const { frequency, fiscalYear } = period;
  const quarter = period.quarter ?? undefined;
  const month = period.month ?? undefined;
  switch (frequency) {
    case 'year':
      if (quarter !== undefined || month !== undefined) {
        throw new RangeError(`A fiscal year period has no quarter or month (FY${fiscalYear})`);
      }
      return fiscalYearPeriod(fiscalYear, calendar);
    case 'quarter':
      if (quarter === undefined) throw new RangeError(`A quarter period needs a quarter (FY${fiscalYear})`);
      if (month !== undefined) throw new RangeError(`A quarter period has no month (FY${fiscalYear}-Q${quarter})`);
      return quarterPeriod(fiscalYear, quarter, calendar);
    case 'month': {
      if (month === undefined) throw new RangeError(`A month period needs a month (FY${fiscalYear})`);
      assertMonth(month);
      const result = monthPeriod(calendarYearOfMonth(fiscalYear, month, calendar), month, calendar);
      if (quarter !== undefined && quarter !== result.quarter) {
        throw new RangeError(`Month ${result.key} is in Q${result.quarter} of FY${fiscalYear}, not Q${quarter}`);
      }
      return result;
    }
    default:
      throw unknownFrequency(frequency);
  }
}

/** Parses a canonical key (`2026-03`, `FY2026-Q2`, `FY2026`); throws PeriodKeyError otherwise. */
export function parsePeriodKey(key: string, calendar: FiscalCalendar = US_FEDERAL_CALENDAR): Period {
  const result = readKey(key, calendar);
  if ('reason' in result) throw new PeriodKeyError(String(key), result.reason);
  return result.period;
}

/** Like parsePeriodKey, but null instead of throwing. */
export function tryParsePeriodKey(key: string, calendar: FiscalCalendar = US_FEDERAL_CALENDAR): Period | null {
  const result = readKey(key, calendar);
  return 'period' in result ? result.period : null;
}

/**
 * The canonical key for user input that differs from it only in letter case or surrounding
 * whitespace (` fy2026-q2 ` -> `FY2026-Q2`). Anything else throws PeriodKeyError.
 */
export function normalizePeriodKey(input: string, calendar: FiscalCalendar = US_FEDERAL_CALENDAR): string {
  const result = readKey(typeof input === 'string' ? input.trim().toUpperCase() : input, calendar);
  if ('reason' in result) throw new PeriodKeyError(String(input), result.reason);
  return result.period.key;
}

/** The canonical key of a period given by its identifying fields. */
export function formatPeriodKey(period: PeriodRef, calendar?: FiscalCalendar): string {
  return toPeriod(period, calendar).key;
}

/**
 * `March 2026`, `FY2026 Q2 (Jan-Mar 2026)` or `FY2026 (Oct 2025-Sep 2026)`; with the April calendar
 * `FY2024 Q1 (Apr-Jun 2023)` and `FY2024 (Apr 2023-Mar 2024)`: the months name the year the agency's way.
 */
export function formatPeriodLabel(period: PeriodLike, calendar?: FiscalCalendar): string {
  const p = toPeriod(period, calendar);
  const start = toCalendarDate(p.start);
  const end = toCalendarDate(p.end);
  switch (p.frequency) {
    case 'month':
      return `${monthName(start.month)} ${start.year}`;
    case 'quarter':
      return `FY${p.fiscalYear} Q${p.quarter} (${shortMonth(start.month)}${start.year === end.year ? '' : ` ${start.year}`}-${shortMonth(end.month)} ${end.year})`;
    case 'year':
      return `FY${p.fiscalYear} (${shortMonth(start.month)} ${start.year}-${shortMonth(end.month)} ${end.year})`;
    default:
      throw unknownFrequency(p.frequency);
  }
}

/**
 * A fiscal year as its agency names it in a sentence ("fiscal year ..."): `2026` when the year is
 * named by one calendar year (October, the US federal convention, or January), else the two years it
 * spans, `2023-24` (the Government of Canada's convention). Keys stay `FY2024` either way.
 */
export function formatFiscalYearName(fiscalYear: number, calendar: FiscalCalendar = US_FEDERAL_CALENDAR): string {
  assertFiscalYear(fiscalYear);
  if (calendar.startMonth === DEFAULT_FISCAL_YEAR_START_MONTH || calendar.startMonth === 1) return String(fiscalYear);
  return `${fiscalYear - 1}-${pad(fiscalYear % 100, 2)}`;
}

/** The months a fiscal year runs: `October 2025 to September 2026`, `April 2023 to March 2024`. */
export function formatFiscalYearSpan(fiscalYear: number, calendar: FiscalCalendar = US_FEDERAL_CALENDAR): string {
  const start = toCalendarDate(fiscalYearStart(fiscalYear, calendar));
  const end = toCalendarDate(fiscalYearEnd(fiscalYear, calendar));
  return `${monthName(start.month)} ${start.year} to ${monthName(end.month)} ${end.year}`;
}

/** The period `count` periods after (negative: before) `period`, of the same frequency. */
export function shiftPeriod(period: PeriodLike, count: number, calendar?: FiscalCalendar): Period {
  if (!Number.isSafeInteger(count)) throw new RangeError(`Count must be a whole number, got ${count}`);
  const cal = calendar ?? calendarOfPeriod(period);
  const p = toPeriod(period, cal);
  return fromOrdinal(p.frequency, ordinalOf(p, cal) + count, cal);
}

export function nextPeriod(period: PeriodLike, calendar?: FiscalCalendar): Period {
  return shiftPeriod(period, 1, calendar);
}

export function previousPeriod(period: PeriodLike, calendar?: FiscalCalendar): Period {
  return shiftPeriod(period, -1, calendar);
}

/**
 * Every period from `from` to `to`, both included, in order. Both must have the same
 * frequency, and `from` must not come after `to` (a reversed range is a caller's mistake).
 */
export function periodsBetween(from: PeriodLike, to: PeriodLike, calendar?: FiscalCalendar): Period[] {
  const cal = calendar ?? calendarOfPeriod(from);
  const first = toPeriod(from, cal);
  const last = toPeriod(to, cal);
  if (first.frequency !== last.frequency) {
    throw new RangeError(
      `Cannot list periods from ${first.key} (${first.frequency}) to ${last.key} (${last.frequency}): frequencies differ`,
    );
  }
  const start = ordinalOf(first, cal);
  const end = ordinalOf(last, cal);
  if (start > end) throw new RangeError(`Cannot list periods from ${first.key} to ${last.key}: it comes after`);
  const periods: Period[] = [];
  for (let n = start; n <= end; n++) periods.push(fromOrdinal(first.frequency, n, cal));
  return periods;
}

/** The fiscal year's periods in order: 12 months from the start month (October), 4 quarters, or the year itself. */
export function periodsInFiscalYear(
  fiscalYear: number,
  frequency: Frequency,
  calendar: FiscalCalendar = US_FEDERAL_CALENDAR,
): Period[] {
  const year = fiscalYearPeriod(fiscalYear, calendar);
  return periodsBetween(periodOf(year.start, frequency, calendar), periodOf(year.end, frequency, calendar), calendar);
}

/** True when every day of `inner` is in `outer` (so a period contains itself). */
export function containsPeriod(outer: PeriodLike, inner: PeriodLike, calendar?: FiscalCalendar): boolean {
  const o = toPeriod(outer, calendar);
  const i = toPeriod(inner, calendar);
  return o.start <= i.start && i.end <= o.end;
}

export function periodContainsDate(period: PeriodLike, date: DateInput, calendar?: FiscalCalendar): boolean {
  const p = toPeriod(period, calendar);
  const day = toIsoDate(date);
  return p.start <= day && day <= p.end;
}

/**
 * Sort order: earlier start first; at the same start the longer period first, so a mixed
 * list reads as an outline (FY2026, FY2026-Q1, 2025-10, 2025-11, ...). 0 only for the same period.
 */
export function comparePeriods(a: PeriodLike, b: PeriodLike, calendar?: FiscalCalendar): -1 | 0 | 1 {
  const pa = toPeriod(a, calendar);
  const pb = toPeriod(b, calendar);
  if (pa.start !== pb.start) return pa.start < pb.start ? -1 : 1;
  if (pa.end !== pb.end) return pa.end > pb.end ? -1 : 1;
  return 0;
}

/** When a result for the period is due: its last day plus `graceDays` (a whole number, 0 or more). */
export function dueDate(period: PeriodLike, graceDays: number, calendar?: FiscalCalendar): IsoDate {
  if (!Number.isSafeInteger(graceDays) || graceDays < 0) {
    throw new RangeError(`Grace days must be a whole number of 0 or more, got ${graceDays}`);
  }
  return addDays(toPeriod(period, calendar).end, graceDays);
}

/** True when `today` is after the due date; on the due date itself a result is not yet overdue. */
export function isOverdue(period: PeriodLike, graceDays: number, today: DateInput, calendar?: FiscalCalendar): boolean {
  return toIsoDate(today) > dueDate(period, graceDays, calendar);
}

type KeyReading = { period: Period } | { reason: string };

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_KEY = /^FY(\d{4})-Q([1-4])$/;
const YEAR_KEY = /^FY(\d{4})$/;

function readKey(key: unknown, calendar: FiscalCalendar): KeyReading {
  if (typeof key !== 'string') return { reason: EXPECTED_FORMATS };
  const month = MONTH_KEY.exec(key);
  if (month !== null) {
    const year = Number(month[1]);
    const m = Number(month[2]);
    const fiscalYear = fiscalYearOfMonth(year, m, calendar);
    if (!inRange(fiscalYear))
      return { reason: `it falls in FY${fiscalYear}, outside the supported range ${SUPPORTED_RANGE}` };
    return { period: monthPeriod(year, m, calendar) };
  }
  const quarter = QUARTER_KEY.exec(key);
  if (quarter !== null) {
    const fiscalYear = Number(quarter[1]);
    if (!inRange(fiscalYear)) return { reason: outOfRange(fiscalYear) };
    return { period: quarterPeriod(fiscalYear, Number(quarter[2]), calendar) };
  }
  const year = YEAR_KEY.exec(key);
  if (year !== null) {
    const fiscalYear = Number(year[1]);
    if (!inRange(fiscalYear)) return { reason: outOfRange(fiscalYear) };
    return { period: fiscalYearPeriod(fiscalYear, calendar) };
  }
  return { reason: EXPECTED_FORMATS };
}

// Fiscal months number every month consecutively from month 0 of FY0, so a fiscal year is
// fiscalMonths / 12 and shifting is plain arithmetic: fiscal month = calendar month index + the
// calendar's offset (3 for October: October 2025 is month 0 of FY2026).
function offsetOf(calendar: FiscalCalendar): number {
  return (13 - calendar.startMonth) % 12;
}

function fiscalMonthsOf(year: number, month: number, calendar: FiscalCalendar): number {
  return year * 12 + (month - 1) + offsetOf(calendar);
}

function fiscalYearOfMonth(year: number, month: number, calendar: FiscalCalendar): number {
  return Math.floor(fiscalMonthsOf(year, month, calendar) / 12);
}

/** The calendar year in which month `month` of fiscal year `fiscalYear` falls. */
function calendarYearOfMonth(fiscalYear: number, month: number, calendar: FiscalCalendar): number {
  return month - 1 + offsetOf(calendar) >= 12 ? fiscalYear - 1 : fiscalYear;
}

function calendarMonthOf(fiscalMonths: number, calendar: FiscalCalendar): { year: number; month: number } {
  const calendarMonths = fiscalMonths - offsetOf(calendar);
  return { year: Math.floor(calendarMonths / 12), month: (((calendarMonths % 12) + 12) % 12) + 1 };
}

function withCalendar(period: Period, calendar: FiscalCalendar): Period {
  if (calendar.startMonth !== DEFAULT_FISCAL_YEAR_START_MONTH) period.fiscalYearStartMonth = calendar.startMonth;
  return period;
}

// Ordinals number periods of one frequency consecutively, so shifting is plain arithmetic.
function ordinalOf(period: Period, calendar: FiscalCalendar): number {
  const { year, month } = toCalendarDate(period.start);
  const fiscalMonths = fiscalMonthsOf(year, month, calendar);
  switch (period.frequency) {
    case 'month':
      return fiscalMonths;
    case 'quarter':
      return Math.floor(fiscalMonths / 3);
    case 'year':
      return Math.floor(fiscalMonths / 12);
    default:
      throw unknownFrequency(period.frequency);
  }
}

function fromOrdinal(frequency: Frequency, ordinal: number, calendar: FiscalCalendar): Period {
  switch (frequency) {
    case 'month': {
      const { year, month } = calendarMonthOf(ordinal, calendar);
      return monthPeriod(year, month, calendar);
    }
    case 'quarter':
      return quarterPeriod(Math.floor(ordinal / 4), (ordinal % 4) + 1, calendar);
    case 'year':
      return fiscalYearPeriod(ordinal, calendar);
    default:
      throw unknownFrequency(frequency);
  }
}

function quarterOfMonth(month: number, calendar: FiscalCalendar): FiscalQuarter {
  const quarter =
    Number.isInteger(month) && month >= 1 && month <= 12
      ? Math.floor(((month - calendar.startMonth + 12) % 12) / 3) + 1
      : 0;
  if (!isFiscalQuarter(quarter)) throw new RangeError(`Month must be 1-12, got ${month}`);
  return quarter;
}

function inRange(fiscalYear: number): boolean {
  return Number.isInteger(fiscalYear) && fiscalYear >= MIN_FISCAL_YEAR && fiscalYear <= MAX_FISCAL_YEAR;
}

function outOfRange(fiscalYear: number): string {
  return `FY${fiscalYear} is outside the supported range ${SUPPORTED_RANGE}`;
}

function assertFiscalYear(fiscalYear: number): void {
  if (!inRange(fiscalYear)) throw new RangeError(outOfRange(fiscalYear));
}

function assertMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Month must be a whole number 1-12, got ${month}`);
  }
}

function unknownFrequency(frequency: never): RangeError {
  return new RangeError(`Unknown frequency ${JSON.stringify(frequency)}: expected one of ${FREQUENCIES.join(', ')}`);
}

/** `April` for 4: the name of a calendar month 1-12. */
export function formatMonthName(month: number): string {
  return monthName(month);
}

function monthName(month: number): string {
  const name = MONTH_NAMES[month - 1];
  if (name === undefined) throw new RangeError(`Month must be 1-12, got ${month}`);
  return name;
}

function shortMonth(month: number): string {
  return monthName(month).slice(0, 3);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function quoteKey(key: string): string {
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}...` : key);
}
