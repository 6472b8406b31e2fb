// Which target a period is judged against, and its status against it: the one rule of every page (the
// public site, the staff standing, the results list, the portfolio) and of certification.
import type { TargetStatus } from '@yardstick/contracts';
import { toPeriod, type FiscalCalendar, type PeriodLike } from './fiscal-calendar.js';
import { statusAgainst, type StatusRule, type TargetFigures } from './target-status.js';

/** Where a target applies: a fiscal year, or one quarter of it (quarter 0 or null: the whole year). */
export type TargetPeriod = { fiscalYear: number; quarter: number | null };

/** A target as stored or sent: its period and its figures. */
export type PeriodTarget = TargetPeriod & { value: number | null; minValue: number | null; maxValue: number | null };

const isYearTarget = (t: TargetPeriod): boolean => t.quarter === 0 || t.quarter === null;

/**
 * The target of a period: for a month or a quarter, the target of the fiscal quarter containing it when
 * there is one, else the fiscal year's; for a year, the year's. A period key is read in `calendar` (the
 * agency's; October when left out), so an April-calendar July is in Q2.
 */
export function targetForPeriod<T extends TargetPeriod>(
  targets: readonly T[],
  period: PeriodLike,
  calendar?: FiscalCalendar,
): T | null {
  const p = toPeriod(period, calendar);
  const ofYear = targets.filter((t) => t.fiscalYear === p.fiscalYear);
  const ofQuarter =
    p.frequency !== 'year' && p.quarter !== undefined ? ofYear.find((t) => t.quarter === p.quarter) : undefined;
  return ofQuarter ?? ofYear.find(isYearTarget) ?? null;
}

/** A stored target's figures, as statusAgainst reads them. */
export function targetFiguresOf(target: Pick<PeriodTarget, 'value' | 'minValue' | 'maxValue'>): TargetFigures {
  return { value: target.value, min: target.minValue, max: target.maxValue };
}

/** A value's status against a stored target (or none), by the standard's rule. */
export function statusAgainstTarget(
  rule: StatusRule,
  target: Pick<PeriodTarget, 'value' | 'minValue' | 'maxValue'> | null | undefined,
  value: number | null,
  due?: boolean,
): TargetStatus {
  return statusAgainst(rule, target ? targetFiguresOf(target) : null, value, due);
}

/** A period's result judged by the one rule: the target it falls under (or null) and its status against it. */
export function judgeForPeriod<T extends PeriodTarget>(
  rule: StatusRule,
  targets: readonly T[],
  period: PeriodLike,
  value: number | null,
  calendar?: FiscalCalendar,
): { target: T | null; status: TargetStatus } {
  const target = targetForPeriod(targets, period, calendar);
  return { target, status: statusAgainstTarget(rule, target, value) };
}
