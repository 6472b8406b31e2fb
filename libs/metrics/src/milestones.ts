import { fiscalYearEnd, fiscalYearStart } from './fiscal-calendar.js';
import { toIsoDate, type DateInput, type IsoDate } from './iso-date.js';

// Milestones of a Customer Service Plan: whether each is done, late or on track on a given day.

export type MilestoneProgress = 'planned' | 'in_progress' | 'done' | 'dropped';
export type MilestoneState = 'done' | 'late' | 'on_track' | 'dropped';

/**
 * A milestone is late when its date has passed (the day after it) and it is neither done nor dropped.
 * A done or dropped milestone is never late, whatever its date.
 */
export function milestoneState(
  milestone: { dueDate: IsoDate; status: MilestoneProgress },
  today: DateInput,
): MilestoneState {
  if (milestone.status === 'done') return 'done';
  if (milestone.status === 'dropped') return 'dropped';
  return milestone.dueDate < toIsoDate(today) ? 'late' : 'on_track';
}

/** How many of the milestones are late on the day. */
export function countLate(
  milestones: readonly { dueDate: IsoDate; status: MilestoneProgress }[],
  today: DateInput,
): number {
  return milestones.filter((m) => milestoneState(m, today) === 'late').length;
}

/** Whether a date falls within the federal fiscal year (1 October of the year before to 30 September). */
export function isInFiscalYear(date: IsoDate, fiscalYear: number): boolean {
  return date >= fiscalYearStart(fiscalYear) && date <= fiscalYearEnd(fiscalYear);
}
