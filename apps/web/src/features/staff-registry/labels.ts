import type {
  Channel,
  Computation,
  Dimension,
  Direction,
  IndicatorKind,
  StandardStatus,
  Unit,
} from '@yardstick/contracts';

// Words for the registry's vocabulary, for people rather than programs.

export const DIMENSION_LABELS: Record<Dimension, string> = {
  speed: 'Speed',
  accuracy: 'Quality and accuracy',
  satisfaction: 'Customer satisfaction',
  access: 'Access',
  other: 'Other',
};

export const UNIT_LABELS: Record<Unit, string> = {
  percent: 'Percent (0-100)',
  days: 'Days',
  hours: 'Hours',
  minutes: 'Minutes',
  count: 'Count',
  score: 'Score (1-5)',
  currency: 'Dollars',
};

export const COMPUTATION_LABELS: Record<Computation, string> = {
  share_meeting_threshold: 'Share meeting a threshold',
  mean: 'Mean (average)',
  median: 'Median',
  total: 'Total',
};

export const DIRECTION_LABELS: Record<Direction, string> = {
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
  within_range: 'Within a range',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  online: 'Online',
  phone: 'Phone',
  in_person: 'In person',
  mail: 'Mail',
  email: 'Email',
  chat: 'Chat',
  mobile_app: 'Mobile app',
  other: 'Other',
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
