import type { IndicatorKind, StandardStatus, Unit } from '@yardstick/contracts';

// Words for the registry's vocabulary, for people rather than programs; those the public site shows too are
// libs/metrics' (one copy for the API, the public pages and the staff app).
export { CHANNEL_LABELS, COMPUTATION_LABELS, DIMENSION_LABELS, DIRECTION_LABELS } from '@yardstick/metrics';

export const UNIT_LABELS: Record<Unit, string> = {
  percent: 'Percent (0-100)',
  days: 'Days',
  hours: 'Hours',
  minutes: 'Minutes',
  count: 'Count',
  score: 'Score (1-5)',
  currency: 'Dollars',
};

export const FREQUENCY_LABELS = { month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' } as const;

export const INDICATOR_LABELS: Record<IndicatorKind, string> = {
  customer_service: 'Customer service',
  efficiency: 'Efficiency',
  output: 'Output',
  outcome: 'Outcome',
};

export const STANDARD_STATUS_LABELS: Record<StandardStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  published: 'Published',
  retired: 'Retired',
};

export const optionsOf = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
