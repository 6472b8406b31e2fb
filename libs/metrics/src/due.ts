// Where a period's result stands on a given day. The caller passes `today`, so the answer does
// not depend on the clock.
import { dueDate, isOverdue, toPeriod, type FiscalCalendar, type PeriodLike } from './fiscal-calendar.js';
import { toIsoDate, type DateInput } from './iso-date.js';

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
