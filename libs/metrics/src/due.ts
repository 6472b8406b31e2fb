// Where a period's result stands on a given day. The caller passes `today`, so the answer does
// not depend on the clock.
import {
  calendarOfPeriod,
  dueDate,
  isOverdue,
  periodOf,
  periodsInFiscalYear,
  shiftPeriod,
  toPeriod,
  type FiscalCalendar,
  type Frequency,
  type Period,
  type PeriodLike,
  US_FEDERAL_CALENDAR,
} from './fiscal-calendar.js';
import { daysBetween, toCalendarDate, toIsoDate, type DateInput, type IsoDate } from './iso-date.js';

export const DUE_STATES = ['not_due', 'due', 'overdue', 'received'] as const;
/**
 * - not_due: the period has not ended (its last day included);
 * - due: the period has ended and the grace period has not, up to and including the due date;
 * - overdue: after the due date with no result;
 * - received: a result exists, whenever it came in.
 */
export type DueState = (typeof DUE_STATES)[number];

export type DueInput = {
  period: PeriodLike;
  /** Days after the period's last day that a result may still arrive on time. */
  graceDays: number;
  today: DateInput;
  hasResult: boolean;
  /** The agency's fiscal calendar, for a period given by its key (October when left out). */
  calendar?: FiscalCalendar;
};

export function resultDueState({ period, graceDays, today, hasResult, calendar }: DueInput): DueState {
  // Checked before the answer, so a bad period or grace period is caught even when a result exists.
  const p = toPeriod(period, calendar);
  const day = toIsoDate(today);
  dueDate(p, graceDays);
  if (hasResult) return 'received';
  if (day <= p.end) return 'not_due';
  return isOverdue(p, graceDays, day) ? 'overdue' : 'due';
}

/**
 * Why a result cannot be recorded for this period on `today`, or null when it can: a period is measured
 * once it is over, so a result for a period that has not ended (its last day included) is refused.
 */
export function unendedPeriodProblem(period: PeriodLike, today: DateInput): string | null {
  const p = toPeriod(period);
  const day = toIsoDate(today);
  if (day > p.end) return null;
  return `${p.key} has not ended yet (it ends on ${p.end}; today is ${day}): a result is recorded once its period is over`;
}

/** Days after a period's last day that its result may still arrive on time (30: a quarter's result by the next month's end). */
export const DEFAULT_GRACE_DAYS = 30;

export const REMINDER_OCCASIONS = ['due_soon', 'due_today', 'overdue'] as const;
/** Why an officer is reminded on a day: a week before the due date, on it, then every week while overdue. */
export type ReminderOccasion = (typeof REMINDER_OCCASIONS)[number];

export type ReminderRule = {
  /** Days before the due date of the first reminder (7). */
  leadDays: number;
  /** Days between reminders once overdue (7: weekly). */
  everyDays: number;
};

export const DEFAULT_REMINDER_RULE: ReminderRule = { leadDays: 7, everyDays: 7 };

/**
 * Whether an item due on `due` and still missing calls for a reminder `today`, and which one: `leadDays`
 * before, on the due date, and every `everyDays` after it while it stays missing. null on every other day.
 */
export function reminderOccasion(
  due: DateInput,
  today: DateInput,
  rule: ReminderRule = DEFAULT_REMINDER_RULE,
): ReminderOccasion | null {
  if (!Number.isSafeInteger(rule.leadDays) || rule.leadDays < 1) {
    throw new RangeError(`Lead days must be a whole number of 1 or more, got ${rule.leadDays}`);
  }
  if (!Number.isSafeInteger(rule.everyDays) || rule.everyDays < 1) {
    throw new RangeError(`Days between reminders must be a whole number of 1 or more, got ${rule.everyDays}`);
  }
  const late = daysBetween(due, today);
  if (late === -rule.leadDays) return 'due_soon';
  if (late === 0) return 'due_today';
  if (late > 0 && late % rule.everyDays === 0) return 'overdue';
  return null;
}

export const DUE_WINDOWS = ['overdue', 'due_soon', 'later'] as const;
/** Where a missing item stands for a to-do list: past its due date, due within `days`, or later. */
export type DueWindow = (typeof DUE_WINDOWS)[number];

export function dueWindow(due: DateInput, today: DateInput, days = 30): DueWindow {
  const left = daysBetween(today, due);
  if (left < 0) return 'overdue';
  return left <= days ? 'due_soon' : 'later';
}

/**
 * The `count` fiscal quarters of an agency's reporting record on `today`: the latest quarters whose results
 * were due (their last day plus `graceDays`) before today, oldest first, in the agency's fiscal calendar.
 */
export function recordQuarters(
  today: DateInput,
  graceDays: number,
  count = 4,
  calendar: FiscalCalendar = US_FEDERAL_CALENDAR,
): Period[] {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`Count must be 1 or more, got ${count}`);
  const day = toIsoDate(today);
  let last = periodOf(day, 'quarter', calendar);
  while (!isOverdue(last, graceDays, day)) last = shiftPeriod(last, -1);
  return Array.from({ length: count }, (_, i) => shiftPeriod(last, i - count + 1));
}

/**
 * A standard's reporting periods that end inside `quarter`: three months, the quarter, or the fiscal year in Q4,
 * in the quarter's own calendar unless another is given.
 */
export function periodsEndingIn(frequency: Frequency, quarter: PeriodLike, calendar?: FiscalCalendar): Period[] {
  const cal = calendar ?? calendarOfPeriod(quarter);
  const q = toPeriod(quarter, cal);
  return periodsInFiscalYear(q.fiscalYear, frequency, cal).filter((p) => q.start <= p.end && p.end <= q.end);
}

/** One result that was expected: when it was due, and the day it was certified for the public (null: not yet). */
export type RecordItem = { dueDate: IsoDate; publishedOn: IsoDate | null };

export type ReportingRecord = {
  /** Results whose due date has passed. */
  expected: number;
  /** Certified on or before their due date. */
  onTime: number;
  /** Certified after it. */
  late: number;
  /** Not certified (yet). */
  missing: number;
  /** onTime / expected, 0-1; null when nothing was expected (never 0 for "nothing to judge"). */
  share: number | null;
};

/** The share of expected results published on time: a count over a count, never an average of shares. */
export function reportingRecord(items: readonly RecordItem[], today: DateInput): ReportingRecord {
  const day = toIsoDate(today);
  let expected = 0;
  let onTime = 0;
  let late = 0;
  for (const item of items) {
    const due = toIsoDate(item.dueDate);
    if (due >= day) continue;
    expected += 1;
    if (item.publishedOn === null) continue;
    if (toIsoDate(item.publishedOn) <= due) onTime += 1;
    else late += 1;
  }
  return {
    expected,
    onTime,
    late,
    missing: expected - onTime - late,
    share: expected === 0 ? null : onTime / expected,
  };
}

/** Adds records of several standards or agencies: counts summed, the share recomputed from them. */
export function combineRecords(records: readonly ReportingRecord[]): ReportingRecord {
  const sum = (key: 'expected' | 'onTime' | 'late' | 'missing') => records.reduce((n, r) => n + r[key], 0);
  const expected = sum('expected');
  const onTime = sum('onTime');
  return {
    expected,
    onTime,
    late: sum('late'),
    missing: sum('missing'),
    share: expected === 0 ? null : onTime / expected,
  };
}

/** "30 October 2026". */
export function formatLongDate(date: DateInput): string {
  const { year, month, day } = toCalendarDate(date);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

const MONTHS = [
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

/** A period as a sentence names it: "FY2026 Q4", "October 2026", "FY2026". */
export function formatPeriodName(period: PeriodLike): string {
  const p = toPeriod(period);
  if (p.frequency === 'quarter') return `FY${p.fiscalYear} Q${p.quarter}`;
  if (p.frequency === 'month') return `${MONTHS[p.month! - 1]} ${toCalendarDate(p.start).year}`;
  return `FY${p.fiscalYear}`;
}
