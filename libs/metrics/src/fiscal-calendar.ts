// US federal fiscal calendar: FY N runs 1 Oct (N-1) to 30 Sep N; Q1 = Oct-Dec, Q2 = Jan-Mar,
// Q3 = Apr-Jun, Q4 = Jul-Sep. Period keys are stored in the database and in CSV files, so
// there is exactly one canonical key per period and the strict parser accepts nothing else.
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
 * Supported fiscal years. Every period must fall inside them, so the first month is 1899-10
 * and the last is 2999-09: a bound on fiscal years keeps every period of a supported year
 * parseable and round-trippable.
 */
export const MIN_FISCAL_YEAR = 1900;
export const MAX_FISCAL_YEAR = 2999;

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

/** Fiscal year of a date: 2025-10-01 is in FY2026, 2025-09-30 in FY2025. */
export function fiscalYearOf(date: DateInput): number {
  const { year, month } = toCalendarDate(date);
  const fiscalYear = month >= 10 ? year + 1 : year;
  assertFiscalYear(fiscalYear);
  return fiscalYear;
}

/** Fiscal quarter (1-4) of a date: October-December is Q1. */
export function fiscalQuarterOf(date: DateInput): FiscalQuarter {
  fiscalYearOf(date);
  return quarterOfMonth(toCalendarDate(date).month);
}

/** 1 October of the previous calendar year. */
export function fiscalYearStart(fiscalYear: number): IsoDate {
  assertFiscalYear(fiscalYear);
  return formatIsoDate(fiscalYear - 1, 10, 1);
}

/** 30 September. */
export function fiscalYearEnd(fiscalYear: number): IsoDate {
  assertFiscalYear(fiscalYear);
  return formatIsoDate(fiscalYear, 9, 30);
}

/** The calendar month `month` (1-12) of calendar year `year`: `monthPeriod(2026, 3)` is `2026-03`. */
export function monthPeriod(year: number, month: number): Period {
  assertMonth(month);
  if (!Number.isInteger(year)) throw new RangeError(`Year must be a whole number, got ${year}`);
  const fiscalYear = month >= 10 ? year + 1 : year;
  assertFiscalYear(fiscalYear);
  return {
    frequency: 'month',
    fiscalYear,
    quarter: quarterOfMonth(month),
    month,
    start: formatIsoDate(year, month, 1),
    end: formatIsoDate(year, month, daysInMonth(year, month)),
    key: `${pad(year, 4)}-${pad(month, 2)}`,
  };
}

/** Quarter `quarter` (1-4) of fiscal year `fiscalYear`: `quarterPeriod(2026, 1)` is Oct-Dec 2025. */
export function quarterPeriod(fiscalYear: number, quarter: number): Period {
  assertFiscalYear(fiscalYear);
  if (!isFiscalQuarter(quarter)) throw new RangeError(`Quarter must be 1, 2, 3 or 4, got ${quarter}`);
  const year = quarter === 1 ? fiscalYear - 1 : fiscalYear;
  const firstMonth = quarter === 1 ? 10 : 3 * (quarter - 2) + 1;
  const lastMonth = firstMonth + 2;
  return {
    frequency: 'quarter',
    fiscalYear,
    quarter,
    start: formatIsoDate(year, firstMonth, 1),
    end: formatIsoDate(year, lastMonth, daysInMonth(year, lastMonth)),
    key: `FY${pad(fiscalYear, 4)}-Q${quarter}`,
  };
}

export function fiscalYearPeriod(fiscalYear: number): Period {
  return {
    frequency: 'year',
    fiscalYear,
    start: fiscalYearStart(fiscalYear),
    end: fiscalYearEnd(fiscalYear),
    key: `FY${pad(fiscalYear, 4)}`,
  };
}

/** The period of the given frequency that contains `date`. */
export function periodOf(date: DateInput, frequency: Frequency): Period {
  const { year, month } = toCalendarDate(date);
  switch (frequency) {
    case 'month':
      return monthPeriod(year, month);
    case 'quarter':
      return quarterPeriod(fiscalYearOf(date), quarterOfMonth(month));
    case 'year':
      return fiscalYearPeriod(fiscalYearOf(date));
    default:
      throw unknownFrequency(frequency);
  }
}

/**
 * A full, validated Period from a key (parsed strictly) or from identifying fields (start,
 * end and key are recomputed, never trusted). Null quarter or month count as absent, as
 * they come from database rows.
 */
export function toPeriod(period: PeriodLike): Period {
  if (typeof period === 'string') return parsePeriodKey(period);
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
      return fiscalYearPeriod(fiscalYear);
    case 'quarter':
      if (quarter === undefined) throw new RangeError(`A quarter period needs a quarter (FY${fiscalYear})`);
      if (month !== undefined) throw new RangeError(`A quarter period has no month (FY${fiscalYear}-Q${quarter})`);
      return quarterPeriod(fiscalYear, quarter);
    case 'month': {
      if (month === undefined) throw new RangeError(`A month period needs a month (FY${fiscalYear})`);
      assertMonth(month);
      const result = monthPeriod(month >= 10 ? fiscalYear - 1 : fiscalYear, month);
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
export function parsePeriodKey(key: string): Period {
  const result = readKey(key);
  if ('reason' in result) throw new PeriodKeyError(String(key), result.reason);
  return result.period;
}

/** Like parsePeriodKey, but null instead of throwing. */
export function tryParsePeriodKey(key: string): Period | null {
  const result = readKey(key);
  return 'period' in result ? result.period : null;
}

/**
 * The canonical key for user input that differs from it only in letter case or surrounding
 * whitespace (` fy2026-q2 ` -> `FY2026-Q2`). Anything else throws PeriodKeyError.
 */
export function normalizePeriodKey(input: string): string {
  const result = readKey(typeof input === 'string' ? input.trim().toUpperCase() : input);
  if ('reason' in result) throw new PeriodKeyError(String(input), result.reason);
  return result.period.key;
}

/** The canonical key of a period given by its identifying fields. */
export function formatPeriodKey(period: PeriodRef): string {
  return toPeriod(period).key;
}

/** `March 2026`, `FY2026 Q2 (Jan-Mar 2026)` or `FY2026 (Oct 2025-Sep 2026)`. */
export function formatPeriodLabel(period: PeriodLike): string {
  const p = toPeriod(period);
  const start = toCalendarDate(p.start);
  const end = toCalendarDate(p.end);
  switch (p.frequency) {
    case 'month':
      return `${monthName(start.month)} ${start.year}`;
    case 'quarter':
      return `FY${p.fiscalYear} Q${p.quarter} (${shortMonth(start.month)}-${shortMonth(end.month)} ${end.year})`;
    case 'year':
      return `FY${p.fiscalYear} (${shortMonth(start.month)} ${start.year}-${shortMonth(end.month)} ${end.year})`;
    default:
      throw unknownFrequency(p.frequency);
  }
}

/** The period `count` periods after (negative: before) `period`, of the same frequency. */
export function shiftPeriod(period: PeriodLike, count: number): Period {
  if (!Number.isSafeInteger(count)) throw new RangeError(`Count must be a whole number, got ${count}`);
  const p = toPeriod(period);
  return fromOrdinal(p.frequency, ordinalOf(p) + count);
}

export function nextPeriod(period: PeriodLike): Period {
  return shiftPeriod(period, 1);
}

export function previousPeriod(period: PeriodLike): Period {
  return shiftPeriod(period, -1);
}

/**
 * Every period from `from` to `to`, both included, in order. Both must have the same
 * frequency, and `from` must not come after `to` (a reversed range is a caller's mistake).
 */
export function periodsBetween(from: PeriodLike, to: PeriodLike): Period[] {
  const first = toPeriod(from);
  const last = toPeriod(to);
  if (first.frequency !== last.frequency) {
    throw new RangeError(
      `Cannot list periods from ${first.key} (${first.frequency}) to ${last.key} (${last.frequency}): frequencies differ`,
    );
  }
  const start = ordinalOf(first);
  const end = ordinalOf(last);
  if (start > end) throw new RangeError(`Cannot list periods from ${first.key} to ${last.key}: it comes after`);
  const periods: Period[] = [];
  for (let n = start; n <= end; n++) periods.push(fromOrdinal(first.frequency, n));
  return periods;
}

/** The fiscal year's periods in order: 12 months from October, 4 quarters, or the year itself. */
export function periodsInFiscalYear(fiscalYear: number, frequency: Frequency): Period[] {
  const year = fiscalYearPeriod(fiscalYear);
  return periodsBetween(periodOf(year.start, frequency), periodOf(year.end, frequency));
}

/** True when every day of `inner` is in `outer` (so a period contains itself). */
export function containsPeriod(outer: PeriodLike, inner: PeriodLike): boolean {
  const o = toPeriod(outer);
  const i = toPeriod(inner);
  return o.start <= i.start && i.end <= o.end;
}

export function periodContainsDate(period: PeriodLike, date: DateInput): boolean {
  const p = toPeriod(period);
  const day = toIsoDate(date);
  return p.start <= day && day <= p.end;
}

/**
 * Sort order: earlier start first; at the same start the longer period first, so a mixed
 * list reads as an outline (FY2026, FY2026-Q1, 2025-10, 2025-11, ...). 0 only for the same period.
 */
export function comparePeriods(a: PeriodLike, b: PeriodLike): -1 | 0 | 1 {
  const pa = toPeriod(a);
  const pb = toPeriod(b);
  if (pa.start !== pb.start) return pa.start < pb.start ? -1 : 1;
  if (pa.end !== pb.end) return pa.end > pb.end ? -1 : 1;
  return 0;
}

/** When a result for the period is due: its last day plus `graceDays` (a whole number, 0 or more). */
export function dueDate(period: PeriodLike, graceDays: number): IsoDate {
  if (!Number.isSafeInteger(graceDays) || graceDays < 0) {
    throw new RangeError(`Grace days must be a whole number of 0 or more, got ${graceDays}`);
  }
  return addDays(toPeriod(period).end, graceDays);
}

/** True when `today` is after the due date; on the due date itself a result is not yet overdue. */
export function isOverdue(period: PeriodLike, graceDays: number, today: DateInput): boolean {
  return toIsoDate(today) > dueDate(period, graceDays);
}

type KeyReading = { period: Period } | { reason: string };

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_KEY = /^FY(\d{4})-Q([1-4])$/;
const YEAR_KEY = /^FY(\d{4})$/;

function readKey(key: unknown): KeyReading {
  if (typeof key !== 'string') return { reason: EXPECTED_FORMATS };
  const month = MONTH_KEY.exec(key);
  if (month !== null) {
    const year = Number(month[1]);
    const m = Number(month[2]);
    const fiscalYear = m >= 10 ? year + 1 : year;
    if (!inRange(fiscalYear))
      return { reason: `it falls in FY${fiscalYear}, outside the supported range ${SUPPORTED_RANGE}` };
    return { period: monthPeriod(year, m) };
  }
  const quarter = QUARTER_KEY.exec(key);
  if (quarter !== null) {
    const fiscalYear = Number(quarter[1]);
    if (!inRange(fiscalYear)) return { reason: outOfRange(fiscalYear) };
    return { period: quarterPeriod(fiscalYear, Number(quarter[2])) };
  }
  const year = YEAR_KEY.exec(key);
  if (year !== null) {
    const fiscalYear = Number(year[1]);
    if (!inRange(fiscalYear)) return { reason: outOfRange(fiscalYear) };
    return { period: fiscalYearPeriod(fiscalYear) };
  }
  return { reason: EXPECTED_FORMATS };
}

// Ordinals number periods of one frequency consecutively, so shifting is plain arithmetic.
// They count months from October: fiscal month index = calendar month index + 3.
function ordinalOf(period: Period): number {
  const { year, month } = toCalendarDate(period.start);
  const fiscalMonths = year * 12 + (month - 1) + 3;
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

function fromOrdinal(frequency: Frequency, ordinal: number): Period {
  switch (frequency) {
    case 'month': {
      const calendarMonths = ordinal - 3;
      return monthPeriod(Math.floor(calendarMonths / 12), (calendarMonths % 12) + 1);
    }
    case 'quarter':
      return quarterPeriod(Math.floor(ordinal / 4), (ordinal % 4) + 1);
    case 'year':
      return fiscalYearPeriod(ordinal);
    default:
      throw unknownFrequency(frequency);
  }
}

function quarterOfMonth(month: number): FiscalQuarter {
  const quarter = month >= 10 ? 1 : Math.floor((month - 1) / 3) + 2;
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
