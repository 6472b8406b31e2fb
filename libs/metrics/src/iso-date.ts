// Calendar dates as plain `YYYY-MM-DD` strings. A date here has no time and no timezone:
// a JS Date is read through its UTC fields only, so results never depend on the server's zone.

/** A calendar date written `YYYY-MM-DD`, e.g. `2026-09-30`. */
export type IsoDate = string;

/** A JS Date (only its UTC year, month and day are used) or an `IsoDate` string. */
export type DateInput = Date | IsoDate;

/** Year, 1-12 month and day of a calendar date. */
export type CalendarDate = { year: number; month: number; day: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Number of days in a calendar month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `YYYY-MM-DD` for a year 0-9999, 1-12 month and day; throws RangeError if the date does not exist. */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  if (!isValidCalendarDate(year, month, day)) {
    throw new RangeError(`${year}-${month}-${day} is not a calendar date between 0000-01-01 and 9999-12-31`);
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** True for a `YYYY-MM-DD` string naming a real date (so `2026-02-29` is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && matchIsoDate(value) !== null;
}

/** The calendar date of a Date (UTC fields) or of a strict `YYYY-MM-DD` string. */
export function toCalendarDate(input: DateInput): CalendarDate {
  if (input instanceof Date) {
    const time = input.getTime();
    if (Number.isNaN(time)) throw new RangeError('Invalid Date');
    const year = input.getUTCFullYear();
    if (year < 0 || year > 9999) throw new RangeError(`Year ${year} is outside 0000-9999`);
    return { year, month: input.getUTCMonth() + 1, day: input.getUTCDate() };
  }
  const parts = typeof input === 'string' ? matchIsoDate(input) : null;
  if (parts === null) {
    throw new RangeError(`${quoteValue(input)} is not a date: expected YYYY-MM-DD, e.g. 2026-09-30`);
  }
  return parts;
}

/** Normalises a Date or date string to `YYYY-MM-DD`. */
export function toIsoDate(input: DateInput): IsoDate {
  const { year, month, day } = toCalendarDate(input);
  return formatIsoDate(year, month, day);
}

/** The date `days` days after (or, if negative, before) `date`. */
export function addDays(date: DateInput, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) throw new RangeError(`Days must be a whole number, got ${days}`);
  const { year, month, day } = toCalendarDate(date);
  // setUTCFullYear, unlike Date.UTC, does not remap years 0-99 to 1900-1999.
  const moved = new Date(0);
  moved.setUTCFullYear(year, month - 1, day + days);
  return toIsoDate(moved);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DateInput, to: DateInput): number {
  return Math.round((utcMidnight(toCalendarDate(to)) - utcMidnight(toCalendarDate(from))) / MS_PER_DAY);
}

function utcMidnight({ year, month, day }: CalendarDate): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function matchIsoDate(value: string): CalendarDate | null {
  const match = ISO_DATE.exec(value);
  if (match === null) return null;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  return isValidCalendarDate(year, month, day) ? { year, month, day } : null;
}

function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 0 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function quoteValue(value: unknown): string {
  return typeof value === 'string'
    ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)
    : String(value);
}
