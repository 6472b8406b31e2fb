import type { Computation, ErrorDetail, TransactionMeasure, Unit } from '@yardstick/contracts';

/** Units a time to complete can be measured in, as seconds. */
export const TIME_UNIT_SECONDS: Partial<Record<Unit, number>> = { days: 86_400, hours: 3_600, minutes: 60 };

/** What each measure needs of the standard's content. */
const MEASURE_NEEDS: Record<TransactionMeasure, { computation: Computation; unit: 'percent' | 'time' }> = {
  share_within_threshold: { computation: 'share_meeting_threshold', unit: 'percent' },
  share_accurate: { computation: 'share_meeting_threshold', unit: 'percent' },
  mean_time: { computation: 'mean', unit: 'time' },
  median_time: { computation: 'median', unit: 'time' },
  // A quantile, like a median: periods are never combined from it.
  p90_time: { computation: 'median', unit: 'time' },
};

type MeasureContent = {
  transactionMeasure: TransactionMeasure | null;
  computation: Computation;
  unit: Unit;
  thresholdValue: number | null;
  thresholdUnit: Unit | null;
};

/** Why a standard's content cannot be computed from transactions as it declares (empty when it can). */
export function transactionMeasureProblems(content: MeasureContent): ErrorDetail[] {
  const measure = content.transactionMeasure;
  if (measure === null) return [];
  const needs = MEASURE_NEEDS[measure];
  const problems: ErrorDetail[] = [];
  if (content.computation !== needs.computation) {
    problems.push({
      field: 'computation',
      value: content.computation,
      reason: `must be ${needs.computation} for transactionMeasure ${measure}`,
    });
  }
  if (needs.unit === 'percent' && content.unit !== 'percent') {
    problems.push({ field: 'unit', value: content.unit, reason: `must be percent for transactionMeasure ${measure}` });
  }
  if (needs.unit === 'time' && TIME_UNIT_SECONDS[content.unit] === undefined) {
    problems.push({
      field: 'unit',
      value: content.unit,
      reason: `must be days, hours or minutes for transactionMeasure ${measure}`,
    });
  }
  if (measure === 'share_within_threshold' && content.thresholdUnit && !TIME_UNIT_SECONDS[content.thresholdUnit]) {
    problems.push({
      field: 'thresholdUnit',
      value: content.thresholdUnit,
      reason: 'must be days, hours or minutes: the time to complete a transaction is compared with it',
    });
  }
  return problems;
}

/**
 * How a standard computed from transactions is measured, in words: added to its "how it is measured" on the
 * public site, so that nobody has to guess what an open case counts for.
 */
export function transactionMeasureRule(content: MeasureContent): string | null {
  const unit = content.unit;
  const threshold = `${content.thresholdValue ?? ''} ${content.thresholdUnit ?? ''}`.trim();
  const cohort =
    'Computed by Yardstick from every transaction of the service, by the period in which it was received (and by channel); ';
  switch (content.transactionMeasure) {
    case null:
      return null;
    case 'share_within_threshold':
      return (
        cohort +
        `the share completed within ${threshold} of receipt. A case still open after ${threshold} counts as not meeting it; ` +
        `a case still open but received less than ${threshold} ago is not counted until it is completed or passes ${threshold}.`
      );
    case 'share_accurate':
      return (
        cohort +
        'the share of the transactions reviewed that were decided correctly on first review. Transactions without a review are not counted.'
      );
    case 'mean_time':
    case 'median_time':
    case 'p90_time': {
      const which = {
        mean_time: 'the mean',
        median_time: 'the median',
        p90_time: 'the 90th percentile (exact, over every completed transaction)',
      }[content.transactionMeasure];
      return `${cohort}${which} time from receipt to completion, in ${unit}, over the transactions completed. Open cases have no time to complete yet and are not counted.`;
    }
  }
}
